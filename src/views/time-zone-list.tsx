/** Zone names for the time-zone inputs: ICU's list still says Kiev, so the current name leads. */
export function TimeZoneList() {
  const zones = [
    'Europe/Kyiv',
    ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'Europe/Kiev'),
  ];
  return (
    <datalist id="time-zones">
      {zones.map((z) => (
        <option value={z} />
      ))}
    </datalist>
  );
}
