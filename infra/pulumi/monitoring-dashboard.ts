/**
 * The stack's CloudWatch dashboard body: the platform's own metrics (EMF, namespace METRICS_NAMESPACE), Lambda
 * errors, the dead-letter and failure queues and, with Kafka, its records. A pure function of names.
 */
import { KAFKA_REJECTED_METRIC } from './kafka.js';
import { METRICS_NAMESPACE } from './platform-constants.js';

export interface DashboardInput {
  region: string;
  /** `wspush-<stack>`: the `service` dimension of the EMF metrics */
  service: string;
  functionNames: readonly string[];
  queueNames: readonly string[];
  kafka: boolean;
}

type Metric = string[];

interface MetricWidget {
  type: 'metric';
  x: number;
  y: number;
  width: number;
  height: number;
  properties: {
    title: string;
    region: string;
    stat: 'Sum' | 'Maximum';
    period: number;
    view?: 'timeSeries';
    metrics: Metric[];
  };
}

/** Half the dashboard's width, six rows high, at column `x` (0 or 12) and row `y`. */
function widget(
  x: number,
  y: number,
  region: string,
  title: string,
  stat: 'Sum' | 'Maximum',
  metrics: Metric[],
  timeSeries: boolean,
): MetricWidget {
  return {
    type: 'metric',
    x,
    y,
    width: 12,
    height: 6,
    properties: { title, region, stat, period: 60, ...(timeSeries ? { view: 'timeSeries' } : {}), metrics },
  };
}

export function dashboardBody(input: DashboardInput): { widgets: MetricWidget[] } {
  const { region } = input;
  const emfMetric = (name: string): Metric => [METRICS_NAMESPACE, name, 'service', input.service];
  const widgets = [
    widget(
      0,
      0,
      region,
      'Connections and deliveries',
      'Sum',
      ['Connections', 'Deliveries', 'Gone'].map(emfMetric),
      true,
    ),
    widget(12, 0, region, 'Offline inbox', 'Sum', ['OfflineStored', 'OfflineDelivered'].map(emfMetric), true),
    widget(
      0,
      6,
      region,
      'Lambda errors',
      'Sum',
      input.functionNames.map((n) => ['AWS/Lambda', 'Errors', 'FunctionName', n]),
      false,
    ),
    widget(
      12,
      6,
      region,
      'Dead-letter and failure queues',
      'Maximum',
      input.queueNames.map((n) => ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', n]),
      false,
    ),
  ];
  if (input.kafka) {
    const kafkaMetrics = [KAFKA_REJECTED_METRIC, 'KafkaRecordsRouted', 'KafkaRecordsRetried'].map(emfMetric);
    widgets.push(widget(0, 12, region, 'Kafka records', 'Sum', kafkaMetrics, true));
  }
  return { widgets };
}
