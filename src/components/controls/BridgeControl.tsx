/**
 * "Connect to bridge", in the Engine API panel: the address of a running `npm run bridge`
 * (127.0.0.1:2375 by default), connect and disconnect, and the connection's state in words.
 * Once connected, the host views show the bridge's simulation (see bridgeStore.ts).
 * Contract: acts only through the bridge store; says its errors in the form.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_BRIDGE_URL, useBridgeStore } from '../../store/bridgeStore';

const BUTTON = 'btn px-2 py-0.5 text-sm';

export function BridgeControl() {
  const { t } = useTranslation();
  const inputId = useId();
  const status = useBridgeStore((s) => s.status);
  const error = useBridgeStore((s) => s.error);
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState(DEFAULT_BRIDGE_URL);
  if (status !== 'off') {
    return (
      <span className="flex items-center gap-1.5 text-sm" data-bridge={status}>
        <span>{t(`bridge.status.${status}`)}</span>
        <button
          type="button"
          className={BUTTON}
          onClick={() => useBridgeStore.getState().disconnect()}
        >
          {t('bridge.disconnect')}
        </button>
      </span>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!useBridgeStore.getState().connect(address)) setOpen(false);
  };
  if (!open)
    return (
      <button type="button" className={BUTTON} aria-expanded={false} onClick={() => setOpen(true)}>
        {t('bridge.connect')}
      </button>
    );
  return (
    <form className="flex flex-wrap items-center gap-1.5 text-sm" onSubmit={submit}>
      <label htmlFor={inputId}>{t('bridge.address')}</label>
      <input
        id={inputId}
        className="w-48 rounded border border-slate-400 bg-white px-1 py-0.5 font-mono dark:bg-slate-900"
        value={address}
        onChange={(event) => setAddress(event.target.value)}
        spellCheck="false"
      />
      <button type="submit" className={BUTTON}>
        {t('bridge.connectNow')}
      </button>
      <button type="button" className={BUTTON} onClick={() => setOpen(false)}>
        {t('bridge.cancel')}
      </button>
      {error && <span className="text-red-800 dark:text-red-300">{error}</span>}
      <span className="text-muted w-full text-xs">{t('bridge.hint')}</span>
    </form>
  );
}
