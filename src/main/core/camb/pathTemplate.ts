/**
 * Fills `{name}` placeholders of a TASK_KIND_TABLE path, URI-encoding each value so an id can never
 * change which endpoint is asked.
 */
export function fillPathTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
): string {
  return template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

/** The endpoint name of a path template, e.g. `tts-result` for `/tts-result/{run_id}?output_type=file_url`. */
export function endpointName(template: string): string {
  return template.split(/[/?]/)[1] ?? '';
}
