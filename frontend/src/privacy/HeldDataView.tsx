import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cityDateTime } from '../i18n/cityDateTime';
import { useTrackLabels } from '../track/trackLabels';
import { personalFields } from './heldData';
import type { MyData } from './privacyQueries';

type Report = MyData['reports'][number];

/** Everything held, group by group, readable: each record's facts, then its personal values under their labels. */
export function HeldDataView({ held }: { held: MyData }) {
  const { t } = useTranslation();
  const format = useHeldFormat();
  return (
    <>
      <Group id="reports" count={held.reports.length}>
        {held.reports.map((report) => (
          <ReportRecord key={report.id} report={report} />
        ))}
      </Group>
      <Group id="callerRecords" count={held.callerRecords.length}>
        {held.callerRecords.map((call, index) => (
          <Record key={index} testId="privacy-record-call" title={t('privacy.held.call.title', { code: call.reportCode })}>
            <Fact label={t('privacy.held.call.createdAt')}>{format.at(call.createdAt)}</Fact>
            <Personal values={call.personal} />
          </Record>
        ))}
      </Group>
      <Group id="notifications" count={held.notifications.length}>
        {held.notifications.map((message, index) => (
          <Record
            key={index}
            testId="privacy-record-notification"
            title={t('privacy.held.notification.title', { channel: message.channel })}
          >
            {message.reportCode && <Fact label={t('privacy.held.notification.report')}>{message.reportCode}</Fact>}
            <Fact label={t('privacy.held.notification.status')}>{message.status}</Fact>
            <Fact label={t('privacy.held.notification.sentAt')}>{format.at(message.sentAt ?? message.createdAt)}</Fact>
            <Personal values={message.personal} />
          </Record>
        ))}
      </Group>
      <Group id="privacyRequests" count={held.privacyRequests.length}>
        {held.privacyRequests.map((request) => (
          <Record
            key={request.id}
            testId="privacy-record-request"
            title={t('privacy.held.request.title', {
              kind: t(`admin.privacy.kind.${request.kind}`),
              status: t(`admin.privacy.status.${request.status}`),
            })}
          >
            <Fact label={t('privacy.held.request.receivedAt')}>{format.at(request.receivedAt)}</Fact>
            {request.handledAt && <Fact label={t('privacy.held.request.handledAt')}>{format.at(request.handledAt)}</Fact>}
          </Record>
        ))}
      </Group>
    </>
  );
}

function useHeldFormat() {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return { english, at: cityDateTime(english ? 'en-GB' : 'vi-VN') };
}

function ReportRecord({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useHeldFormat();
  const labels = useTrackLabels();
  return (
    <Record testId="privacy-record-report" title={t('privacy.held.report.title', { code: report.code })}>
      <Fact label={t('privacy.held.report.category')}>{format.english ? report.category.nameEn : report.category.nameVi}</Fact>
      <Fact label={t('privacy.held.report.status')}>{labels.status(report.status)}</Fact>
      <Fact label={t('privacy.held.report.createdAt')}>{format.at(report.createdAt)}</Fact>
      <Personal values={report.personal} />
      {report.timeline.length > 0 && (
        <Fact label={t('privacy.held.report.timeline')}>
          <ul className="privacy-sublist">
            {report.timeline.map((entry, index) => (
              <li key={index} data-testid="privacy-timeline-entry">
                <time dateTime={entry.createdAt}>{format.at(entry.createdAt)}</time> · {labels.event(entry.type)}
                {/* The entry's registered free text (its message, a rating's comment), else the message it shows. */}
                {timelineTexts(entry).map((text) => (
                  <span key={text} className="privacy-entry-text">
                    {text}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </Fact>
      )}
      {report.photos.length > 0 && (
        <Fact label={t('privacy.held.report.photos')}>
          <ul className="privacy-sublist">
            {report.photos.map((photo, index) => (
              <li key={photo.id} data-testid="privacy-photo">
                <a href={photo.url} target="_blank" rel="noopener">
                  {t('privacy.held.report.photo', {
                    index: index + 1,
                    size: Math.max(1, Math.round(photo.sizeBytes / 1024)),
                    at: format.at(photo.createdAt),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </Fact>
      )}
    </Record>
  );
}

function Group({
  id,
  count,
  children,
}: {
  id: 'reports' | 'callerRecords' | 'notifications' | 'privacyRequests';
  count: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="privacy-group" aria-labelledby={`privacy-group-${id}`} data-testid={`privacy-group-${id}`} data-count={count}>
      <h3 id={`privacy-group-${id}`}>
        {t(`privacy.held.groups.${id}`)} <span className="privacy-muted">({count})</span>
      </h3>
      {count === 0 ? <p className="privacy-muted">{t('privacy.held.empty')}</p> : <ul className="privacy-records">{children}</ul>}
    </section>
  );
}

function Record({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <li className="privacy-record" data-testid={testId}>
      <h4>{title}</h4>
      <dl>{children}</dl>
    </li>
  );
}

function Fact({ label, children, column }: { label: string; children: ReactNode; column?: string }) {
  return (
    <div className="privacy-record__field">
      <dt>{label}</dt>
      <dd data-column={column}>{children}</dd>
    </div>
  );
}

/** A record's personal values, by the column that holds them. */
function Personal({ values }: { values: Readonly<Record<string, unknown>> }) {
  const { t } = useTranslation();
  return personalFields(values).map((field) => (
    <Fact key={field.column} column={field.column} label={field.label ? t(`privacy.held.fields.${field.label}`) : field.column}>
      {field.text}
    </Fact>
  ));
}

/** The texts of a timeline entry: each registered free text once, or its message when none is registered. */
function timelineTexts(entry: Report['timeline'][number]): string[] {
  const texts = personalFields(entry.personal).map((field) => field.text);
  if (texts.length === 0 && entry.message) texts.push(entry.message);
  return [...new Set(texts)];
}
