import type { CategoryId } from '../knowledge/index.js';
import { emoji } from './emoji.js';

export interface CategoryPresentation {
  /** "Infrastructure service": how a card names the category of its service. */
  label: string;
  /** "Infrastructure": the row title on a general topic card. */
  name: string;
  symbol: string;
  /** Services a reader knows, to anchor the row on a general topic card. */
  likeServices: string;
  /** The examples AWS itself gives (Security Best Practices whitepaper), shown on App Home. */
  awsExamples: string;
  /** Who does what in this category, in one breath. */
  split: string;
}

/** AWS's three service categories as people meet them on cards and on App Home. */
export const CATEGORIES: Record<CategoryId, CategoryPresentation> = {
  infrastructure: {
    label: 'Infrastructure service',
    name: 'Infrastructure',
    symbol: emoji('building_construction'),
    likeServices: 'EC2',
    awsExamples: 'EC2, EBS, Auto Scaling, VPC',
    split: 'AWS runs the hardware, network and hypervisor. You run everything from the guest OS up: patches, security groups, OS and app users, your data.',
  },
  container: {
    label: 'Container service',
    name: 'Container',
    symbol: emoji('gear'),
    likeServices: 'RDS',
    awsExamples: 'RDS, EMR, Elastic Beanstalk',
    split:
      'AWS also runs the OS and the platform, such as the database engine. You handle your data and its encryption, network access rules, database users, and backup and failover settings.',
  },
  abstracted: {
    label: 'Abstracted service',
    name: 'Abstracted',
    symbol: emoji('globe_with_meridians'),
    likeServices: 'S3, DynamoDB, Lambda',
    awsExamples: 'S3, Glacier, DynamoDB, SQS, SES',
    split:
      'You call an API; AWS runs the servers, OS and platform underneath. You manage your data, who may reach it (IAM and resource policies) and the encryption options you pick.',
  },
};
