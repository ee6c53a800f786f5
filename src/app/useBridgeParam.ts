/**
 * `?bridge=http://127.0.0.1:2375` connects to a running bridge when the app opens. Only an
 * http(s) address on this machine is used; anything else is ignored with a console warning,
 * and nothing of the value is rendered.
 */
import { useEffect } from 'react';
import { bridgeUrl, useBridgeStore } from '../store/bridgeStore';

export function useBridgeParam(search: string = window.location.search): void {
  useEffect(() => {
    const raw = new URLSearchParams(search).get('bridge');
    if (raw === null) return;
    if (!bridgeUrl(raw)) {
      console.warn('docker-anatomy: ignored ?bridge= (not an http address on this machine)');
      return;
    }
    useBridgeStore.getState().connect(raw);
  }, [search]);
}
