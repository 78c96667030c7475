/**
 * Pulumi entry point (`main` in Pulumi.yaml): reads the stack's typed config and declares the platform.
 * The exports are the stack outputs. Tests and `infra:synth` import this module only after installing the
 * mocks (see mocks.ts); `npm run preview|deploy` runs the same program inline (run-pulumi.ts).
 */
import * as pulumi from '@pulumi/pulumi';
import { readStackConfig } from './config.js';
import { MOCKS_ENV_FLAG } from './mocks-flag.js';
import { createPlatform } from './program.js';
import { pulumiConfigValue } from './pulumi-config.js';

const platform = createPlatform(readStackConfig(pulumi.getStack(), pulumiConfigValue), {
  requireBundles: process.env[MOCKS_ENV_FLAG] !== '1',
});

export const websocketUrl = platform.websocketUrl;
export const managementEndpoint = platform.managementEndpoint;
export const tableName = platform.tableName;
export const topicArns = platform.topicArns;
export const queueUrls = platform.queueUrls;
export const publisherPolicyJson = platform.publisherPolicyJson;
export const dashboardName = platform.dashboardName;
export const traceLogGroups = platform.traceLogGroups;
/** Kafka topic of each contract channel (publishers produce to them); undefined when Kafka is off. */
export const kafkaTopics = platform.kafkaTopics;
