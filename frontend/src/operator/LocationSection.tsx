import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../ui/Combobox';
import { CallTextField } from './CallTextField';
import type { WardSearchHit } from '../api/intakeQueries';
import type { LatLng } from './callBody';
import { PinMap } from './PinMap';
import type { PinWard } from '../api/intakeQueries';
import { useWardSearch } from './useWardSearch';

interface LocationSectionProps {
  wardQuery: string;
  onWardQueryChange(text: string): void;
  onWardPick(hit: WardSearchHit): void;
  address: string;
  onAddressChange(text: string): void;
  onAddressEnter(): void;
  pin: LatLng | null;
  pinWard: PinWard;
  onPinChange(pin: LatLng): void;
  wardInputRef: Ref<HTMLInputElement>;
  /** A missing or refused pin; shown at the ward field, the keyboard way to place it. */
  locationError: string | null;
  addressError: string | null;
}

function WardOption({ hit }: { hit: WardSearchHit }) {
  const { t } = useTranslation();
  // An old name ("Phường 7, Quận 5") leads to today's ward; say so, or the operator doubts the hit.
  const viaFormerName = !hit.current || (hit.matched && hit.matched !== hit.name);
  return (
    <>
      <span className="call-option__name">{hit.name}</span>
      {viaFormerName && hit.matched && (
        <span className="call-option__note">{t('operator.location.formerly', { matched: hit.matched })}</span>
      )}
      {!viaFormerName && hit.districtName && (
        <span className="call-option__note">{t('operator.location.district', { district: hit.districtName })}</span>
      )}
    </>
  );
}

export function LocationSection(props: LocationSectionProps) {
  const { t } = useTranslation();
  const search = useWardSearch(props.wardQuery, true);
  const { pinWard } = props;

  const onAddressKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      props.onAddressEnter();
    }
  };

  return (
    <fieldset className="call-section call-location" data-testid="call-location">
      <legend>{t('operator.location.heading')}</legend>
      <div className="call-row">
        <Combobox<WardSearchHit>
          className="call-field"
          label={t('operator.location.ward')}
          testId="call-ward"
          value={props.wardQuery}
          onValueChange={props.onWardQueryChange}
          options={search.hits}
          optionKey={(hit) => `${hit.code}:${hit.matched}`}
          renderOption={(hit) => <WardOption hit={hit} />}
          onPick={props.onWardPick}
          inputRef={props.wardInputRef}
          placeholder={t('operator.location.wardPlaceholder')}
          busy={search.busy}
          emptyText={search.failed ? t('operator.location.wardError') : t('operator.location.wardEmpty')}
          error={props.locationError}
        />
        <CallTextField
          id="call-address"
          label={t('operator.location.address')}
          value={props.address}
          placeholder={t('operator.location.addressPlaceholder')}
          error={props.addressError}
          onValueChange={props.onAddressChange}
          onKeyDown={onAddressKeyDown}
        />
      </div>
      <PinMap pin={props.pin} wardCode={pinWard.status === 'inside' ? pinWard.ward.code : null} onPinChange={props.onPinChange} />
      <p className="call-location__hint">{t('operator.location.mapHint')}</p>
      <p
        className={`call-location__ward call-location__ward--${pinWard.status}`}
        role="status"
        data-testid="call-pin-ward"
        data-status={pinWard.status}
        data-ward-code={pinWard.status === 'inside' ? pinWard.ward.code : undefined}
      >
        {pinWard.status === 'none' && t('operator.location.noPin')}
        {pinWard.status === 'locating' && t('operator.location.locating')}
        {pinWard.status === 'inside' && t('operator.location.inWard', { ward: pinWard.ward.name })}
        {pinWard.status === 'outside' && t('operator.location.outside')}
        {pinWard.status === 'error' && t('operator.location.locateError')}
      </p>
    </fieldset>
  );
}
