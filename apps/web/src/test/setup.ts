import '@testing-library/jest-dom';
import { initI18n } from '../i18n';

// jsdom has no matchMedia (antd's responsive grid asks for it) nor ResizeObserver.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

// jsdom's window hides Node's structuredClone (browsers have it); @sen/indicators clones its catalogue with it.
if (typeof globalThis.structuredClone !== 'function') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v8 = require('node:v8') as typeof import('node:v8');
  Object.defineProperty(globalThis, 'structuredClone', { writable: true, value: <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T });
}

initI18n('vi');

beforeEach(() => {
  window.localStorage.clear();
});

