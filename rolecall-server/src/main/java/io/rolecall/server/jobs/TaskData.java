package io.rolecall.server.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

/** What the scheduler's rows carry for each kind of task: references to the engine's own tables, nothing more. */
final class TaskData {
  private TaskData() {}

  /** A job (its planning task, and its finishing task). */
  record JobRef(String jobId) {}

  /** One step of a job: an account, or (later) an organization-level part of the run. */
  record StepRef(String jobId, String step) {}

  /** A recurring sync: its row in engine_schedule, and its schedule as the user wrote it. */
  record ScheduleRef(String scheduleId, String spec) implements ScheduleAndData {
    @JsonIgnore
    @Override
    public Schedule getSchedule() {
      return ScheduleSpec.parse(spec, "schedule");
    }

    @JsonIgnore
    @Override
    public Object getData() {
      return scheduleId;
    }
  }
}
