import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AreasModule } from '../areas/areas.module';
import { MembersModule } from '../members/members.module';
import { AssignTaskHandler } from './commands/assign-task/assign-task.handler';
import { AssignTaskHttpController } from './commands/assign-task/assign-task.http.controller';
import { TaskActionsHandler } from './commands/task-actions/task-actions.handler';
import { TaskActionsHttpController } from './commands/task-actions/task-actions.http.controller';
import { TASK_REPOSITORY } from './application/ports/task.repository.port';
import { TaskRepository } from './infrastructure/task.repository';
import { TaskDocument, TaskSchema } from './infrastructure/task.schema';
import { ListTasksHandler } from './queries/list-tasks/list-tasks.handler';
import { ListTasksHttpController } from './queries/list-tasks/list-tasks.http.controller';

@Module({
  imports: [
    AreasModule,
    MembersModule,
    MongooseModule.forFeature([{ name: TaskDocument.name, schema: TaskSchema }]),
  ],
  // The list controller comes first so GET /tasks is not taken for GET /tasks/:id.
  controllers: [ListTasksHttpController, AssignTaskHttpController, TaskActionsHttpController],
  providers: [
    AssignTaskHandler,
    TaskActionsHandler,
    ListTasksHandler,
    { provide: TASK_REPOSITORY, useClass: TaskRepository },
  ],
})
export class TasksModule {}
