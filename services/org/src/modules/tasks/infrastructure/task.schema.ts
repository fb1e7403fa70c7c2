import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OutboxCarrier } from '@sangathan/messaging';
import { Schema as MongooseSchema } from 'mongoose';

/** A task document: the task, its progress and reviews, and its outbox. */
@Schema({ collection: 'tasks', versionKey: false, timestamps: true })
export class TaskDocument extends OutboxCarrier {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) title!: string;
  @Prop({ type: String, default: null }) description!: string | null;
  @Prop({ type: String, required: true }) areaId!: string;
  @Prop({ type: [String], default: [], index: true }) ancestors!: string[];
  @Prop({ type: String, default: null }) positionId!: string | null;
  @Prop({ type: String, default: null }) positionType!: string | null;
  @Prop({ type: String, default: null, index: true }) assigneeMemberId!: string | null;
  @Prop({ type: String, default: null }) assignedBy!: string | null;
  @Prop({ type: Date, required: true }) assignedAt!: Date;
  @Prop({ type: Date, required: true }) dueAt!: Date;
  @Prop({ type: Number, required: true }) reviewEveryDays!: number;
  @Prop({ type: Date, required: true }) nextReviewAt!: Date;
  @Prop({ type: String, required: true }) status!: string;
  @Prop({ type: Number, default: 0 }) progressPercent!: number;
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) progress!: unknown[];
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) reviews!: unknown[];
  @Prop({ type: Date, default: null }) overdueAt!: Date | null;
  @Prop({ type: Date, default: null }) completedAt!: Date | null;
  @Prop({ type: String, default: null }) completedBy!: string | null;
  @Prop({ type: Date, default: null }) cancelledAt?: Date | null;
  @Prop({ type: String, default: null }) cancelledBy?: string | null;
  @Prop({ type: String, default: null }) cancelReason?: string | null;
  @Prop({ type: Number, default: 0 }) version?: number;

  /** Kept by mongoose (`timestamps`) on updates; an insert through the outbox writer sets both itself. */
  createdAt?: Date;
  updatedAt?: Date;
}

export const TaskSchema = SchemaFactory.createForClass(TaskDocument);
TaskSchema.index({ status: 1, dueAt: 1 });
TaskSchema.index({ status: 1, nextReviewAt: 1 });
TaskSchema.index({ positionId: 1 });
