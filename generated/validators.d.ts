// Code generated from asyncapi.yaml. DO NOT EDIT.

import type {
  ConnectDeliveryJob,
  ConnectionLimits,
  DeliveryJob,
  DrainDeliveryJob,
  ErrorFrame,
  ExtendTtlAction,
  FanoutJob,
  KafkaRejectedRecord,
  KeepAliveAction,
  PingAction,
  PongFrame,
  RecoveryFrame,
  RecoveryOutcome,
  RejectedTopic,
  RetryDeliveryJob,
  SincePosition,
  SinceRejection,
  StoredEnvelopeRef,
  StreamPosition,
  SubscribeAction,
  SubscribedFrame,
  TokenCheckJob,
  TopicMessageFrame,
  TraceRecord,
  TtlExtendedFrame,
  UnknownFrame,
  UnsubscribeAction,
  UnsubscribedFrame,
  UserMessageFrame,
  WelcomeFrame,
} from './models.js';

import type { StandaloneValidator } from './field-errors.js';

export declare const validateConnectDeliveryJob: StandaloneValidator<ConnectDeliveryJob>;
export declare const validateConnectionLimits: StandaloneValidator<ConnectionLimits>;
export declare const validateDeliveryJob: StandaloneValidator<DeliveryJob>;
export declare const validateDrainDeliveryJob: StandaloneValidator<DrainDeliveryJob>;
export declare const validateErrorFrame: StandaloneValidator<ErrorFrame>;
export declare const validateExtendTtlAction: StandaloneValidator<ExtendTtlAction>;
export declare const validateFanoutJob: StandaloneValidator<FanoutJob>;
export declare const validateKafkaRejectedRecord: StandaloneValidator<KafkaRejectedRecord>;
export declare const validateKeepAliveAction: StandaloneValidator<KeepAliveAction>;
export declare const validatePingAction: StandaloneValidator<PingAction>;
export declare const validatePongFrame: StandaloneValidator<PongFrame>;
export declare const validateRecoveryFrame: StandaloneValidator<RecoveryFrame>;
export declare const validateRecoveryOutcome: StandaloneValidator<RecoveryOutcome>;
export declare const validateRejectedTopic: StandaloneValidator<RejectedTopic>;
export declare const validateRetryDeliveryJob: StandaloneValidator<RetryDeliveryJob>;
export declare const validateSincePosition: StandaloneValidator<SincePosition>;
export declare const validateSinceRejection: StandaloneValidator<SinceRejection>;
export declare const validateStoredEnvelopeRef: StandaloneValidator<StoredEnvelopeRef>;
export declare const validateStreamPosition: StandaloneValidator<StreamPosition>;
export declare const validateSubscribeAction: StandaloneValidator<SubscribeAction>;
export declare const validateSubscribedFrame: StandaloneValidator<SubscribedFrame>;
export declare const validateTokenCheckJob: StandaloneValidator<TokenCheckJob>;
export declare const validateTopicMessageFrame: StandaloneValidator<TopicMessageFrame>;
export declare const validateTraceRecord: StandaloneValidator<TraceRecord>;
export declare const validateTtlExtendedFrame: StandaloneValidator<TtlExtendedFrame>;
export declare const validateUnknownFrame: StandaloneValidator<UnknownFrame>;
export declare const validateUnsubscribeAction: StandaloneValidator<UnsubscribeAction>;
export declare const validateUnsubscribedFrame: StandaloneValidator<UnsubscribedFrame>;
export declare const validateUserMessageFrame: StandaloneValidator<UserMessageFrame>;
export declare const validateWelcomeFrame: StandaloneValidator<WelcomeFrame>;
export * from './payload-validators.js';
export * from './envelope-validators.js';
