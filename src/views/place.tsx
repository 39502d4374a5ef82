/**
 * Where a lesson takes place: a video-call address becomes a link (http and https only, so a
 * `javascript:` typed by staff stays text), anything else is shown as written.
 */
export function Place(p: { location: string | null }) {
  const location = p.location?.trim();
  if (!location) return <>—</>;
  if (!/^https?:\/\/\S+$/i.test(location)) return <>{location}</>;
  return (
    <a href={location} rel="noopener noreferrer">
      {location}
    </a>
  );
}
