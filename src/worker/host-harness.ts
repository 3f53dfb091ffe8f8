import { createEngineHost } from './engine-host';
import type { FromWorker, MembershipFrame, SpreadFrame, ToWorker, WireFrame } from './protocol';

/**
 * For host tests: the worker host with its answers crossing a structuredClone with their
 * transfer lists, as between threads. `send` returns the answers to one request; `frame` the
 * frame among them, `spread`/`membership` narrowed to the model's frame.
 *
 * @example
 *   const { send, spread } = hostHarness();
 *   send({ type: 'init', model: 'spread', graphId: 1, config, options });
 *   spread({ type: 'step', requestId: 1 }).round; // 1
 */
export function hostHarness() {
  const out: FromWorker[] = [];
  const host = createEngineHost((msg, transfer) => out.push(structuredClone(msg, { transfer })));
  const send = (msg: ToWorker): FromWorker[] => {
    const before = out.length;
    host.handle(structuredClone(msg));
    return out.slice(before);
  };
  const frame = (msg: ToWorker): WireFrame => frameIn(send(msg), msg.type);
  const spread = (msg: ToWorker): SpreadFrame => narrow(frame(msg), 'spread');
  const membership = (msg: ToWorker): MembershipFrame => narrow(frame(msg), 'membership');
  return { send, frame, spread, membership };
}

/** The frame among a request's answers (throws, naming them, when there is none). */
export function frameIn(msgs: readonly FromWorker[], what = 'the request'): WireFrame {
  const f = msgs.find((m) => m.type === 'frame');
  if (!f || f.type !== 'frame') throw new Error(`no frame for ${what}: ${msgs.map((m) => m.type).join(', ')}`);
  return f.frame;
}

function narrow<K extends WireFrame['model']>(f: WireFrame, model: K): Extract<WireFrame, { model: K }> {
  if (f.model !== model) throw new Error(`a ${f.model} frame, not ${model}`);
  return f as Extract<WireFrame, { model: K }>;
}
