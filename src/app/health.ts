import type { Clock } from '../core/clock.ts';

/** What GET /healthz answers. */
export interface HealthReport {
  status: 'ok' | 'unhealthy';
  database: 'ok' | 'error';
  /** starting: before the first poll or webhook; stopped: shutting down, or the scheduler has stopped. */
  scheduler: 'alive' | 'starting' | 'stopped';
  /** When the last update arrived, ISO (null: none since start). */
  lastUpdateAt: string | null;
  /** Seconds since the process started serving. */
  uptimeSeconds: number;
}

export interface HealthSources {
  /** Runs a trivial query; throws when the database does not answer. */
  pingDatabase(): void;
  scheduler(): HealthReport['scheduler'];
  lastUpdateAt(): Date | null;
  clock: Clock;
  startedAt: Date;
}

/** 200 when the database answers and the scheduler runs; 503 otherwise (a supervisor or load balancer acts on it). */
export function checkHealth(sources: HealthSources): { httpStatus: 200 | 503; report: HealthReport } {
  let database: HealthReport['database'] = 'ok';
  try {
    sources.pingDatabase();
  } catch {
    database = 'error';
  }
  const scheduler = sources.scheduler();
  const healthy = database === 'ok' && scheduler === 'alive';
  return {
    httpStatus: healthy ? 200 : 503,
    report: {
      status: healthy ? 'ok' : 'unhealthy',
      database,
      scheduler,
      lastUpdateAt: sources.lastUpdateAt()?.toISOString() ?? null,
      uptimeSeconds: Math.max(0, Math.round((sources.clock.now().getTime() - sources.startedAt.getTime()) / 1000)),
    },
  };
}
