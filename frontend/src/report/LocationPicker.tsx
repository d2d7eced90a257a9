import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWards } from '../map/useWards';
import { currentLanguage } from '../i18n/i18n';
import { FieldErrorMessage, errorProps } from './FieldErrorMessage';
import { PinMap } from './PinMap';
import { PlaceSearch } from './PlaceSearch';
import { ADDRESS_MAX, type FieldErrors, type LngLat, type PinPlacement } from './reportForm';
import type { WardSearchHit } from '../api/intakeQueries';
import type { PinWard } from '../api/intakeQueries';

type DeviceLocation = 'idle' | 'locating' | 'denied' | 'unavailable' | 'unsupported';

interface LocationPickerProps {
  pin: PinPlacement | null;
  located: PinWard;
  onPin(pin: PinPlacement): void;
  address: string;
  onAddress(address: string): void;
  errors: FieldErrors;
}

/** Device positions are good to ~10 m outdoors; a minute-old fix is still the same street. */
const GEOLOCATION_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 };

export function LocationPicker({ pin, located, onPin, address, onAddress, errors }: LocationPickerProps) {
  const { t } = useTranslation();
  const wards = useWards();
  const [device, setDevice] = useState<DeviceLocation>('idle');
  const [searched, setSearched] = useState<WardSearchHit | null>(null);
  const hintId = useId();
  const addressId = useId();

  const placeOnMap = useCallback((position: LngLat) => onPin({ ...position, origin: 'map' }), [onPin]);

  const useDeviceLocation = () => {
    // Only offered over HTTPS (and localhost): browsers hide geolocation from insecure pages.
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      setDevice('unsupported');
      return;
    }
    setDevice('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setDevice('idle');
        onPin({ lng: position.coords.longitude, lat: position.coords.latitude, origin: 'device' });
      },
      (error) => setDevice(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      GEOLOCATION_OPTIONS,
    );
  };

  const crosswalk =
    searched && searched.matched !== searched.name && located.status === 'inside' && located.ward.code === searched.code ? searched : null;

  return (
    <div className="report-location">
      <div className="report-location__tools">
        <PlaceSearch
          onChoose={(match) => {
            setSearched(match);
            onPin({ lng: match.lng, lat: match.lat, origin: 'search' });
          }}
        />
        <div className="report-location__device">
          <button
            type="button"
            className="button report-button--secondary"
            data-testid="report-use-my-location"
            disabled={device === 'locating'}
            onClick={useDeviceLocation}
          >
            <span aria-hidden="true">◎ </span>
            {device === 'locating' ? t('report.location.deviceLocating') : t('report.location.useMyLocation')}
          </button>
          {(device === 'denied' || device === 'unavailable' || device === 'unsupported') && (
            <p className="report-notice" role="status" data-testid="report-device-location-error" data-reason={device}>
              {t(`report.location.device.${device}`)}
            </p>
          )}
        </div>
      </div>

      <p id={hintId} className="report-muted report-location__hint">
        {t('report.location.hint')}
      </p>
      <PinMap
        key={currentLanguage()}
        pin={pin}
        wardCode={located.status === 'inside' ? located.ward.code : null}
        wards={wards}
        onPlace={placeOnMap}
        describedBy={hintId}
      />

      <div className="report-location__result" aria-live="polite" data-testid="report-location" data-status={located.status}>
        {located.status === 'none' && <p className="report-muted">{t('report.location.notChosen')}</p>}
        {located.status === 'locating' && <p className="report-muted">{t('report.location.resolving')}</p>}
        {located.status === 'inside' && (
          <p className="report-location__ward">
            <span className="report-muted">{t('report.location.ward')}: </span>
            <strong data-testid="report-location-ward" data-code={located.ward.code}>
              {located.ward.name}
            </strong>
          </p>
        )}
        {located.status === 'outside' && (
          <p className="report-field__error" data-testid="report-location-outside">
            {t('report.location.outside')}
          </p>
        )}
        {located.status === 'error' && (
          <p className="report-field__error" data-testid="report-location-error">
            {t('report.location.locateError')}
          </p>
        )}
        {crosswalk && (
          <p className="report-muted" data-testid="report-place-crosswalk">
            {t('report.location.crosswalk', { old: crosswalk.matched, current: crosswalk.name })}
          </p>
        )}
        {pin && (
          <p className="report-coordinates" data-testid="report-coordinates">
            {/* Not `lng`: i18next reads an option of that name as the language to translate into. */}
            {t('report.location.coordinates', { latitude: pin.lat.toFixed(6), longitude: pin.lng.toFixed(6) })}
          </p>
        )}
      </div>
      {/* The outside-city message above already speaks for the location; this one is for the other errors. */}
      {located.status !== 'outside' && <FieldErrorMessage field="location" error={errors.location} />}

      <div className="report-field">
        <label htmlFor={addressId} className="report-label">
          {t('report.location.address')} <span className="report-optional">({t('report.optional')})</span>
        </label>
        <input
          id={addressId}
          type="text"
          className="report-input"
          value={address}
          maxLength={ADDRESS_MAX}
          autoComplete="street-address"
          placeholder={t('report.location.addressPlaceholder')}
          data-testid="report-address"
          {...errorProps('address', errors.address)}
          onChange={(event) => onAddress(event.target.value)}
        />
        <FieldErrorMessage field="address" error={errors.address} />
      </div>
    </div>
  );
}
