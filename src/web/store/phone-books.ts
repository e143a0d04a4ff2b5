import { and, asc, count, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { contacts, phoneBooks, teamPhoneBooks } from '../schema.ts';

export type PhoneBook = typeof phoneBooks.$inferSelect;
export type NewPhoneBook = Omit<typeof phoneBooks.$inferInsert, 'id'>;
export type Contact = typeof contacts.$inferSelect;
export type NewContact = Omit<typeof contacts.$inferInsert, 'id' | 'phoneBookId'>;

export class PhoneBookRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<PhoneBook[]> {
    return this.db.select().from(phoneBooks).orderBy(asc(phoneBooks.id));
  }

  async get(id: number): Promise<PhoneBook | undefined> {
    return (await this.db.select().from(phoneBooks).where(eq(phoneBooks.id, id)))[0];
  }

  async countByType(type: PhoneBook['type']): Promise<number> {
    return (await this.db.select({ n: count() }).from(phoneBooks).where(eq(phoneBooks.type, type)))[0]?.n ?? 0;
  }

  async create(input: NewPhoneBook): Promise<PhoneBook> {
    return (await this.db.insert(phoneBooks).values(input).returning())[0]!;
  }

  /** A book made GLOBAL leaves the teams it was assigned to. */
  async update(id: number, change: Partial<NewPhoneBook>): Promise<PhoneBook | undefined> {
    return this.db.transaction(async (tx) => {
      const row = (await tx.update(phoneBooks).set(change).where(eq(phoneBooks.id, id)).returning())[0];
      if (row?.type === 'GLOBAL') await tx.delete(teamPhoneBooks).where(eq(teamPhoneBooks.phoneBookId, id));
      return row;
    });
  }

  /** Removes the book, its contacts and its team assignments. */
  async remove(id: number): Promise<boolean> {
    return (await this.db.delete(phoneBooks).where(eq(phoneBooks.id, id)).returning({ id: phoneBooks.id })).length > 0;
  }

  listContacts(phoneBookId: number): Promise<Contact[]> {
    return this.db.select().from(contacts).where(eq(contacts.phoneBookId, phoneBookId)).orderBy(asc(contacts.id));
  }

  async countContacts(phoneBookId?: number): Promise<number> {
    const where = phoneBookId === undefined ? undefined : eq(contacts.phoneBookId, phoneBookId);
    return (await this.db.select({ n: count() }).from(contacts).where(where))[0]?.n ?? 0;
  }

  async getContact(phoneBookId: number, id: number): Promise<Contact | undefined> {
    return (await this.db.select().from(contacts)
      .where(and(eq(contacts.phoneBookId, phoneBookId), eq(contacts.id, id))))[0];
  }

  async createContact(phoneBookId: number, input: NewContact): Promise<Contact> {
    return (await this.db.insert(contacts).values({ ...input, phoneBookId }).returning())[0]!;
  }

  async updateContact(phoneBookId: number, id: number, change: Partial<NewContact>): Promise<Contact | undefined> {
    return (await this.db.update(contacts).set(change)
      .where(and(eq(contacts.phoneBookId, phoneBookId), eq(contacts.id, id))).returning())[0];
  }

  async removeContact(phoneBookId: number, id: number): Promise<boolean> {
    return (await this.db.delete(contacts).where(and(eq(contacts.phoneBookId, phoneBookId), eq(contacts.id, id)))
      .returning({ id: contacts.id })).length > 0;
  }
}
