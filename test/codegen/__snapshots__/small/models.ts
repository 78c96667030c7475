// Code generated from small.yaml. DO NOT EDIT.

export interface EchoAction {
  'action': 'echo';
  'text': string;
}

export interface EchoedFrame {
  'kind': 'echoed';
  'text': string;
  'code'?: ErrorCode;
  'rejection'?: TopicRejectionCode;
}

export interface Envelope {
  'id': string;
  'payload': Record<string, unknown>;
}

export type ErrorCode = "BAD_FRAME";

export interface NewsPayload {
  'headline': string;
  'priority': number;
  'at': string;
}

export interface ReminderPayload {
  'text': string;
  'tone': ReminderTone;
}

export type ReminderTone = "gentle" | "urgent";

export type TopicRejectionCode = "NO_SUCH_TOPIC";
