/**
 * Tailwind configuration, loaded by src/index.css through `@config`. The `gossip` colours
 * mirror src/theme/palette.ts (Okabe–Ito, colour-blind safe) so that legends drawn with
 * Tailwind classes match the canvas and the charts exactly.
 * @type {import('tailwindcss').Config}
 */
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'class',
  theme: {
    extend: {
      colors: {
        gossip: {
          latest: '#0072B2',
          older: '#E69F00',
          none: '#B8B8B8',
          'none-dark': '#5A5A5A',
          useful: '#009E73',
          redundant: '#56B4E9',
          dropped: '#D55E00',
          theory: '#CC79A7',
          selected: '#CC79A7',
        },
      },
      fontFamily: {
        // Each platform's UI face (Apple, Windows, Android), then Arial's metrics (Liberation Sans on
        // Linux: DejaVu, what system-ui gives there, is a fifth wider and wraps the header at
        // 1024 px); then the CJK faces each platform ships, so Chinese renders in a Hei face.
        sans: ['-apple-system', 'BlinkMacSystemFont', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial', '"Liberation Sans"', '"PingFang SC"', '"Hiragino Sans GB"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', '"Source Han Sans SC"', '"WenQuanYi Micro Hei"', 'system-ui', 'sans-serif'],
      },
      fontSize: {
        // Readable on a projector at the back of a room.
        status: ['1.25rem', { lineHeight: '1.75rem', fontWeight: '600' }],
      },
    },
  },
};
