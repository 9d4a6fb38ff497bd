import { defineContentScript } from '#imports';
export default defineContentScript({ matches: ['http://*/*', 'https://*/*'], main() {} });
