import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/answers/index.js';

describe('what /srm <text> asks for', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['  HELP ', { kind: 'help' }],
    ['help with iam', { kind: 'question', text: 'help with iam' }],
    ['stats', { kind: 'stats' }],
    [' Stats ', { kind: 'stats' }],
    ['stats for s3 buckets', { kind: 'question', text: 'stats for s3 buckets' }],
    ['quiz', { kind: 'quiz', subject: '' }],
    ['quiz rds patching', { kind: 'quiz', subject: 'rds patching' }],
    ['tip', { kind: 'tip', subject: '' }],
    ['tip for s3', { kind: 'tip', subject: 's3' }],
    ['tip s3', { kind: 'tip', subject: 's3' }],
    ['tip about rds patching', { kind: 'tip', subject: 'rds patching' }],
    ['tipping point of s3', { kind: 'question', text: 'tipping point of s3' }],
    ['tips here', { kind: 'channel', post: 'tip', on: true }],
    [' Tips OFF ', { kind: 'channel', post: 'tip', on: false }],
    ['leaderboard here', { kind: 'channel', post: 'leaderboard', on: true }],
    ['leaderboard off', { kind: 'channel', post: 'leaderboard', on: false }],
    ['tips', { kind: 'question', text: 'tips' }],
    ['tips here for s3', { kind: 'question', text: 'tips here for s3' }],
    ['tips for s3 buckets', { kind: 'question', text: 'tips for s3 buckets' }],
    ['leaderboard', { kind: 'question', text: 'leaderboard' }],
    ['who patches ec2', { kind: 'question', text: 'who patches ec2' }],
    ['', { kind: 'question', text: '' }],
  ])('"%s"', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});
