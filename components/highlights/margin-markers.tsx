"use client";

/** A marker in the margin beside a highlighted line. */
export interface MarginMarker {
  key: string;
  top: number;
  highlightIds: string[];
  count: number;
  notes: number;
  topReaders: number | null;
}

/**
 * The right margin on wide screens: one marker per highlighted line with how
 * many highlights (and notes) it carries, and "Top highlight" where three or
 * more readers marked a passage. On narrow screens the same markers sit at
 * the start of the line.
 */
export function MarginMarkers({ markers, onOpen }: { markers: MarginMarker[]; onOpen: (ids: string[]) => void }) {
  return (
    <div className="margin-markers" role="group" aria-label="Highlighted passages">
      {markers.map((marker) => (
        <button
          key={marker.key}
          type="button"
          className={`margin-marker${marker.topReaders ? " margin-marker--top" : ""}`}
          style={{ top: marker.top }}
          onClick={() => onOpen(marker.highlightIds)}
          aria-label={`${marker.topReaders ? `Top highlight, ${marker.topReaders} readers. ` : ""}${marker.count} highlight${marker.count === 1 ? "" : "s"}${marker.notes ? `, ${marker.notes} with notes` : ""}`}
        >
          {marker.topReaders ? <span className="margin-marker__top">Top highlight · {marker.topReaders}</span> : null}
          <span className="margin-marker__count">{marker.count}</span>
          {marker.notes > 0 && <span className="margin-marker__notes">✎ {marker.notes}</span>}
        </button>
      ))}
    </div>
  );
}
