import { useState } from 'react';
import type { ResultPlayer as Player } from '../../shared/contract';
import type { TaskKind } from '../../shared/taskKinds';
import { resultFileInSentence, resultFileTitle } from '../../shared/results/resultFileNames';
import { mediaErrorWords } from './mediaErrorWords';

interface ResultPlayerProps {
  readonly kind: TaskKind;
  readonly player: Player;
}

/**
 * The result's audio, played where it is shown: a plain `<audio controls>` on the link the app checked
 * (https on CAMB.AI's hosts; the page's media-src admits nothing else). A link the app refused, or one the
 * player cannot load, says why in words; Open and Download below still reach the file.
 */
export function ResultPlayer({ kind, player }: ResultPlayerProps) {
  const [error, setError] = useState<string | null>(null);
  const title = resultFileTitle(kind, player.name);
  const what = resultFileInSentence(kind, player.name);
  if ('refused' in player) {
    return (
      <p className="result-player-refused field-note" role="note">
        {`${title} is not played in this window. ${player.refused} Use Open or Download instead.`}
      </p>
    );
  }
  return (
    <div className="result-player">
      <audio
        controls
        preload="metadata"
        src={player.url}
        aria-label={`Play ${what}`}
        // A file that loads after a fault (Play again on a dropped connection) clears what the fault said.
        onLoadedMetadata={() => setError(null)}
        onError={(event) => setError(mediaErrorWords(event.currentTarget.error?.code, what))}
      />
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
