import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { workflowActionRefs, workflowActions, workflows } from '../schema.ts';

export type WorkflowAction = typeof workflowActions.$inferSelect;
export type NewWorkflowAction = Omit<typeof workflowActions.$inferInsert, 'id'>;
export type WorkflowRow = typeof workflows.$inferSelect;
export type Workflow = WorkflowRow & { actionIds: number[] };
export type NewWorkflow = Omit<typeof workflows.$inferInsert, 'id'> & { actionIds: number[] };

/** Workflows and their actions: one repository, since a workflow holds references to actions. */
export class WorkflowRepository {
  constructor(private readonly db: Database) {}

  listActions(): Promise<WorkflowAction[]> {
    return this.db.select().from(workflowActions).orderBy(asc(workflowActions.id));
  }

  async getAction(id: number): Promise<WorkflowAction | undefined> {
    return (await this.db.select().from(workflowActions).where(eq(workflowActions.id, id)))[0];
  }

  async getActions(ids: readonly number[]): Promise<WorkflowAction[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(workflowActions).where(inArray(workflowActions.id, [...ids]));
  }

  async createAction(input: NewWorkflowAction): Promise<WorkflowAction> {
    return (await this.db.insert(workflowActions).values(input).returning())[0]!;
  }

  async updateAction(id: number, change: Partial<NewWorkflowAction>): Promise<WorkflowAction | undefined> {
    return (await this.db.update(workflowActions).set(change).where(eq(workflowActions.id, id)).returning())[0];
  }

  /** Refused by the store (foreign key) while a workflow uses the action. */
  async removeAction(id: number): Promise<boolean> {
    return (await this.db.delete(workflowActions).where(eq(workflowActions.id, id))
      .returning({ id: workflowActions.id })).length > 0;
  }

  async list(): Promise<Workflow[]> {
    const rows = await this.db.select().from(workflows).orderBy(asc(workflows.id));
    const refs = await this.db.select().from(workflowActionRefs).orderBy(asc(workflowActionRefs.position));
    return rows.map((row) => ({ ...row, actionIds: refs.filter((r) => r.workflowId === row.id).map((r) => r.actionId) }));
  }

  async get(id: number): Promise<Workflow | undefined> {
    const row = (await this.db.select().from(workflows).where(eq(workflows.id, id)))[0];
    if (!row) return undefined;
    const refs = await this.db.select().from(workflowActionRefs)
      .where(eq(workflowActionRefs.workflowId, id)).orderBy(asc(workflowActionRefs.position));
    return { ...row, actionIds: refs.map((r) => r.actionId) };
  }

  async create(input: NewWorkflow): Promise<Workflow> {
    const { actionIds, ...fields } = input;
    return this.db.transaction(async (tx) => {
      const row = (await tx.insert(workflows).values(fields).returning())[0]!;
      if (actionIds.length > 0) {
        await tx.insert(workflowActionRefs).values(actionIds.map((actionId, position) => ({ workflowId: row.id, position, actionId })));
      }
      return { ...row, actionIds };
    });
  }

  /** Replaces the fields given; `actionIds`, when given, replaces the whole list. */
  async update(id: number, change: Partial<NewWorkflow>): Promise<Workflow | undefined> {
    const { actionIds, ...fields } = change;
    const found = await this.db.transaction(async (tx) => {
      const rows = Object.keys(fields).length > 0
        ? await tx.update(workflows).set(fields).where(eq(workflows.id, id)).returning({ id: workflows.id })
        : await tx.select({ id: workflows.id }).from(workflows).where(eq(workflows.id, id));
      if (rows.length === 0) return false;
      if (actionIds) {
        await tx.delete(workflowActionRefs).where(eq(workflowActionRefs.workflowId, id));
        if (actionIds.length > 0) {
          await tx.insert(workflowActionRefs).values(actionIds.map((actionId, position) => ({ workflowId: id, position, actionId })));
        }
      }
      return true;
    });
    return found ? this.get(id) : undefined;
  }

  async remove(id: number): Promise<boolean> {
    return (await this.db.delete(workflows).where(eq(workflows.id, id)).returning({ id: workflows.id })).length > 0;
  }
}
