/**
 * The ids answers are scored by (shared eval taxonomy). Knowledge files may only use these, so a typo in a
 * file is caught by `srm kb check` instead of producing a card nobody can reach.
 */
// biome-ignore format: a hand-packed word list; one entry a line would be 70 lines
export const SERVICE_IDS = [
  'ec2', 'ebs', 'vpc', 'elb', 's3', 'glacier', 'efs', 'dynamodb', 'rds', 'aurora', 'elasticache', 'redshift',
  'lambda', 'ecs', 'eks', 'fargate', 'ecr', 'cloudfront', 'route53', 'apigateway', 'sqs', 'sns', 'kms', 'iam',
  'secretsmanager', 'cloudtrail', 'cloudwatch', 'guardduty', 'securityhub', 'inspector', 'config', 'waf',
  'shield', 'organizations', 'acm', 'cloudhsm', 'outposts', 'elasticbeanstalk', 'cognito', 'identitycenter',
  'controltower', 'bedrock', 'sagemaker', 'awsbackup', 'macie', 'systemsmanager', 'opensearch', 'kinesis', 'msk',
  'documentdb', 'dms', 'fsx', 'networkfirewall', 'firewallmanager', 'directconnect', 'transitgateway',
  'sitetositevpn', 'emr', 'lightsail', 'workspaces', 'stepfunctions', 'eventbridge', 'cloudformation',
  'transferfamily', 'ses', 'appsync', 'glue', 'athena', 'memorydb', 'detective', 'apprunner', 'batch',
] as const;

// biome-ignore format: a hand-packed word list; one entry a line would be a screen of ids
export const TOPIC_IDS = [
  'encryption', 'patching', 'access', 'network', 'data', 'backup', 'logging', 'physical', 'compliance',
  'application', 'configuration', 'availability', 'training', 'incident-response',
] as const;

export const CONCEPT_IDS = ['overview', 'categories', 'shared-controls'] as const;

export const CATEGORY_IDS = ['infrastructure', 'container', 'abstracted'] as const;

export const VERDICTS = ['aws', 'customer', 'shared'] as const;

export type ServiceId = (typeof SERVICE_IDS)[number];
export type TopicId = (typeof TOPIC_IDS)[number];
export type ConceptId = (typeof CONCEPT_IDS)[number];
export type CategoryId = (typeof CATEGORY_IDS)[number];
export type Verdict = (typeof VERDICTS)[number];
