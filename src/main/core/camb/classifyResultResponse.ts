import { z } from 'zod';
import { contentTypeOf, parseJson } from './answerBody';
import type { CambAnswer, HeaderLookup } from './answerBody';
import { classifyFailureAnswer, isSuccessStatus } from './classifyFailure';
import { notJson, unexpectedJson } from './classifyStatusResponse';
import type { Malformed, RequestFailure } from './outcomes';
import type { ResultLink, ResultPart, TranscriptSegment } from './resultOutcomes';

const link = z.string().nullish();

const transcriptSegmentSchema = z.looseObject({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  speaker: z.union([z.string(), z.number()]).nullish(),
});

/** Every field any result endpoint is known to send; unknown extra fields are allowed and kept in `details`. */
const resultBodySchema = z.looseObject({
  output_video_url: link,
  video_url: link,
  audio_url: link,
  output_audio_url: link,
  dialogue_url: link,
  file_url: link,
  foreground_audio_url: link,
  background_audio_url: link,
  previews: z.array(z.union([z.string(), z.looseObject({ url: z.string() })])).nullish(),
  texts: z.array(z.string()).nullish(),
  transcript: z.array(transcriptSegmentSchema).nullish(),
});

type ResultBody = z.infer<typeof resultBodySchema>;

/** Fields that hold a single downloadable URL, in the order they are listed to the user. */
const LINK_FIELDS = [
  'output_video_url',
  'video_url',
  'audio_url',
  'output_audio_url',
  'dialogue_url',
  'file_url',
  'foreground_audio_url',
  'background_audio_url',
] as const satisfies readonly (keyof ResultBody)[];

interface EndpointExpectation {
  /** At least one of these must be present, or the answer is not this endpoint's result. */
  readonly anyOf: readonly (keyof ResultBody)[];
  /** Some endpoints may answer with a bare list instead of an object holding it. */
  readonly bareList?: 'texts' | 'transcript';
}

/** Keyed by endpoint name, because translated-tts reads two endpoints that other kinds read too. */
const EXPECTATIONS: Readonly<Record<string, EndpointExpectation>> = {
  'story-result': { anyOf: ['audio_url', 'dialogue_url'] },
  'translated-story-result': { anyOf: ['audio_url', 'dialogue_url'] },
  'dub-result': { anyOf: ['output_video_url', 'video_url', 'output_audio_url', 'audio_url'] },
  'tts-result': { anyOf: ['file_url'] },
  'text-to-sound-result': { anyOf: ['file_url'] },
  'translation-result': { anyOf: ['texts'], bareList: 'texts' },
  'transcription-result': { anyOf: ['transcript'], bareList: 'transcript' },
  'text-to-voice-result': { anyOf: ['previews'] },
  'audio-separation-result': { anyOf: ['foreground_audio_url', 'background_audio_url'] },
  'project-setup-result': { anyOf: [] },
};

const AUDIO_SIGNATURES = ['fLaC', 'RIFF', 'ID3', 'OggS'];

/** Whether a response carries audio bytes rather than JSON (tts and text-to-sound without output_type). */
export function isAudioContentType(headers: HeaderLookup): boolean {
  const type = contentTypeOf(headers);
  return type.startsWith('audio/') || type.startsWith('video/') || type === 'application/octet-stream';
}

/** Classifies the answer of one result endpoint (`endpoint` as in `endpointName`). Pure; never throws. */
export function classifyResultResponse(answer: CambAnswer, endpoint: string): ResultPart | RequestFailure {
  if (!isSuccessStatus(answer.httpStatus)) return classifyFailureAnswer(answer, 'result');
  const audio = describeAudio(answer);
  if (audio !== null) return audio;
  const json = parseJson(answer.bodyText);
  if (!json.ok) return notJson(answer, json);
  // Own keys only: EXPECTATIONS['constructor'] would otherwise be Object's and the lookup would throw.
  const expectation = (Object.hasOwn(EXPECTATIONS, endpoint) ? EXPECTATIONS[endpoint] : undefined) ?? {
    anyOf: [],
  };
  const raw = json.value;
  const wrapped =
    Array.isArray(raw) && expectation.bareList !== undefined ? { [expectation.bareList]: raw } : raw;
  const parsed = resultBodySchema.safeParse(wrapped);
  const what = `a ${endpoint} answer`;
  if (!parsed.success) return unexpectedJson(what, parsed.error, answer);
  const body = parsed.data;
  const present = expectation.anyOf.filter((field) => body[field] !== undefined && body[field] !== null);
  if (expectation.anyOf.length > 0 && present.length === 0) {
    return {
      type: 'malformed',
      message: `CAMB.AI sent JSON that is not ${what} (HTTP ${answer.httpStatus}): none of ${expectation.anyOf.join(', ')}`,
    };
  }
  return {
    type: 'result-part',
    endpoint,
    links: linksOf(body),
    ...(body.texts ? { texts: body.texts } : {}),
    ...(body.transcript ? { transcript: body.transcript.map(toSegment) } : {}),
    body: raw,
  };
}

function describeAudio(answer: CambAnswer): Malformed | null {
  const sniffed = AUDIO_SIGNATURES.some((signature) => answer.bodyText.startsWith(signature));
  if (!isAudioContentType(answer.headers) && !sniffed) return null;
  const type = contentTypeOf(answer.headers) || 'no content type';
  const length = answer.headers.get('content-length');
  const size = length !== null && /^\d+$/.test(length) ? `, ${length} bytes` : '';
  return {
    type: 'malformed',
    message: `CAMB.AI sent audio data (${type}${size}) instead of a JSON result with links; ask for output_type=file_url`,
  };
}

function linksOf(body: ResultBody): ResultLink[] {
  const links: ResultLink[] = [];
  for (const name of LINK_FIELDS) {
    const url = body[name];
    if (typeof url === 'string' && url !== '') links.push({ name, url });
  }
  (body.previews ?? []).forEach((preview, index) => {
    const url = typeof preview === 'string' ? preview : preview.url;
    if (url !== '') links.push({ name: `previews[${index}]`, url });
  });
  return links;
}

function toSegment(segment: z.infer<typeof transcriptSegmentSchema>): TranscriptSegment {
  const speaker = segment.speaker ?? null;
  return {
    start: segment.start,
    end: segment.end,
    text: segment.text,
    speaker: speaker === null ? null : String(speaker),
  };
}
