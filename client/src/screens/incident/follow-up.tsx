import { DateTimeField } from '../../components/field.js';
import { t } from '../../words.js';

/**
 * Under a phase choice (notice form and filing form alike): what the chosen phase does to the follow-up
 * (Art. 33(4)), and, when it owes one, the date it will be sent by.
 */
export function FollowUpFields({
  scope,
  owes,
  filedBefore,
  followUp,
  onInput,
}: {
  scope: 'notice' | 'filing';
  owes: boolean;
  filedBefore: boolean;
  followUp: string;
  onInput: (value: string) => void;
}) {
  return (
    <>
      <p class="help" data-testid="phase-closes">
        {owes ? t('notice.phaseOwesFollowUp') : filedBefore ? t('notice.phaseClosesFollowUp') : t('notice.phaseComplete')}
      </p>
      {owes ? (
        <DateTimeField
          path={`${scope}.followUpDueAt`}
          label={t('notice.followUpDueAt')}
          help={t('notice.followUpDueAtHelp')}
          required
          value={followUp}
          onInput={onInput}
        />
      ) : null}
    </>
  );
}
