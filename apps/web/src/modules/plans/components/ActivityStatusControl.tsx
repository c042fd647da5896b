import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Form, Input, Popover, Select, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_STATUSES, type ActivityStatusValue } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { useSetActivityStatus } from '../hooks/usePlans';
import { activityStatusLabel, activityState } from '../labels';

interface Props {
  planId: string;
  idx: number;
  /** The activity's name, for the control's accessible name. */
  name: string;
  status: string;
  doneOn: string | null;
  note: string | null;
  /** The activity's last day: a planned activity past it is overdue. */
  dateTo: string | null;
  /** Whether the user may record progress (the API still decides). */
  canRecord: boolean;
}

/**
 * An activity's progress: a tag (done on …, in progress, cancelled, overdue, planned) and, for those who may
 * record it, a small form — status, the day it was done, a note — saved on the issued plan.
 */
export function ActivityStatusControl({ planId, idx, name, status, doneOn, note, dateTo, canRecord }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = AntApp.useApp();
  const save = useSetActivityStatus();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<{ status: ActivityStatusValue; doneOn: string | null; note: string }>({ status: status as ActivityStatusValue, doneOn, note: note ?? '' });
  const state = activityState(status, dateTo);
  const label = state === 'done' && doneOn ? t('plans.progress.doneOn', { date: formatDate(doneOn) }) : activityStatusLabel(state, language);

  const onOpen = (next: boolean) => {
    if (next) setDraft({ status: status as ActivityStatusValue, doneOn, note: note ?? '' });
    setOpen(next);
  };
  const onSave = async () => {
    try {
      await save.mutateAsync({
        planId,
        idx,
        body: { status: draft.status, doneOn: draft.status === 'done' ? (draft.doneOn ?? toIsoDate(new Date())) : null, note: draft.note.trim() || null },
      });
      setOpen(false);
      message.success(t('plans.progress.saved'));
    } catch (e) {
      message.error(errorMessage(e, language, t('errors.generic')), 6);
    }
  };

  const form = (
    <Form layout="vertical" component="div" className="activity-status__form" data-testid="activity-status-form">
      <Form.Item label={t('plans.progress.status')} htmlFor={`activity-status-${planId}-${idx}`} style={{ marginBottom: 8 }}>
        <Select
          id={`activity-status-${planId}-${idx}`}
          value={draft.status}
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: activityStatusLabel(s, language) }))}
          onChange={(v: ActivityStatusValue) => setDraft((d) => ({ ...d, status: v, doneOn: v === 'done' ? (d.doneOn ?? toIsoDate(new Date())) : null }))}
        />
      </Form.Item>
      {draft.status === 'done' && (
        <Form.Item label={t('plans.progress.doneDate')} htmlFor={`activity-done-${planId}-${idx}`} style={{ marginBottom: 8 }}>
          <DatePicker
            id={`activity-done-${planId}-${idx}`}
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            value={draft.doneOn ? dayjs(draft.doneOn) : null}
            onChange={(v) => setDraft((d) => ({ ...d, doneOn: v ? toIsoDate(v) : null }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('plans.progress.note')} htmlFor={`activity-note-${planId}-${idx}`} style={{ marginBottom: 8 }}>
        <Input.TextArea id={`activity-note-${planId}-${idx}`} value={draft.note} maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} />
      </Form.Item>
      <Space>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
        <Button type="primary" loading={save.isPending} onClick={() => void onSave()}>
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );

  return (
    <Space size={4} wrap className="activity-status" data-testid="activity-status">
      <Tag className={`activity-status__tag activity-status__tag--${state}`} data-testid="activity-status-tag">
        {label}
      </Tag>
      {note && (
        <Typography.Text type="secondary" className="activity-status__note">
          {note}
        </Typography.Text>
      )}
      {canRecord && (
        <Popover open={open} onOpenChange={onOpen} trigger="click" title={t('plans.progress.title')} content={form} destroyOnHidden>
          <Button size="small" icon={<EditOutlined />} aria-label={`${t('plans.progress.record')}: ${name.slice(0, 80)}`}>
            {t('plans.progress.record')}
          </Button>
        </Popover>
      )}
    </Space>
  );
}
