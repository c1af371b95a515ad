/**
 * Questions shown to people who do not know what to ask yet (help, no match, App Home). Each names the card it
 * is an example of, so the button opens that card even if the engine's wording rules change.
 */
export interface ExampleQuery {
  query: string;
  /** Card key, as in ButtonPayload.k. */
  key: string;
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  { query: 'Who patches the database engine on RDS?', key: 'rds.patching' },
  { query: 'Are my S3 buckets encrypted by default?', key: 's3.encryption' },
  { query: 'Who patches the OS on my EC2 instances?', key: 'ec2.patching' },
  { query: 'Is ECS a "container service"?', key: 'categories' },
  { query: 'What does AWS handle for Lambda?', key: 'lambda' },
];
