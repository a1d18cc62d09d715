import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/**
 * Real SMTP in deployments; in the quick start, each message is written as an .eml file under
 * MAIL_DIR (the README says where to look), built by the same nodemailer pipeline.
 */
@Injectable()
export class Mailer {
  private readonly log = new Logger('mail');
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport =
      config.MAIL_TRANSPORT === 'smtp'
        ? nodemailer.createTransport(config.SMTP_URL!)
        : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message });
    if (this.config.MAIL_TRANSPORT === 'file') {
      const dir = resolve(this.config.MAIL_DIR);
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(info.messageId).replace(/[^a-zA-Z0-9@.-]/g, '')}.eml`;
      await writeFile(join(dir, name), info.message as Buffer);
      this.log.log({ file: join(dir, name) }, 'mail written');
    }
  }
}
