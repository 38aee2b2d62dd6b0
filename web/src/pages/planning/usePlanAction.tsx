// Run a plan action (submit / approve / publish / return); return asks for a note first.
import { useState } from 'react';
import { App, Input } from 'antd';
import { api, type PlanAction, type PlanDetail } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { ACTION_KEY } from './planUi.tsx';

export function usePlanAction(onDone: (p: PlanDetail) => void) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (id: number, action: PlanAction, note?: string) => {
    setBusy(`${id}:${action}`);
    try {
      const p = await api.plans.act(id, action, note);
      message.success(t('plans.done', { action: t(ACTION_KEY[action]) }));
      onDone(p);
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };

  const act = (id: number, action: PlanAction) => {
    if (action !== 'return') {
      void run(id, action);
      return;
    }
    let note = '';
    modal.confirm({
      title: t('plans.action.return'),
      content: (
        <Input.TextArea
          rows={3}
          maxLength={1000}
          placeholder={t('plans.returnNote')}
          data-testid="plan-return-note"
          onChange={(e) => {
            note = e.target.value;
          }}
        />
      ),
      okText: t('plans.action.return'),
      cancelText: t('common.cancel'),
      onOk: () => {
        if (!note.trim()) {
          message.warning(t('plans.returnNoteRequired'));
          return Promise.reject(new Error('note required'));
        }
        return run(id, 'return', note.trim());
      },
    });
  };

  return { act, busy };
}
