export * from './PollingPolicy';
export * from './PollState';
export * from './jobPace';
export * from './nextPollAt';
export * from './eta';
export * from './finishTime';
export * from './finishWindow';
export * from './planTick';
