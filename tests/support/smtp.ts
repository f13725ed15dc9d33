/**
 * A mail server for tests: speaks just enough SMTP for nodemailer (no TLS, no login) on
 * 127.0.0.1 and keeps every message it receives, so tests can read what people would get. It
 * can refuse chosen recipients, as a mailbox that does not exist is refused.
 */
import net from "node:net";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message: headers, a blank line, the body. */
  data: string;
}

/** The body of a received message as the reader sees it (quoted-printable decoded). */
export function bodyOf(mail: ReceivedMail): string {
  const split = mail.data.indexOf("\r\n\r\n");
  const [headers, body] = [mail.data.slice(0, split), mail.data.slice(split + 4)];
  if (!/^Content-Transfer-Encoding: quoted-printable$/im.test(headers)) return body;
  const text = body.replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  close: () => Promise<void>;
}

export interface SinkOptions {
  /** Whether to refuse this recipient now ("550 ... Recipient address rejected"); asked at each attempt. */
  refuse?: (address: string) => boolean;
}

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let mail: ReceivedMail = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 sink.test ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          mail.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(mail);
          mail = { from: "", to: [], data: "" };
          reply("250 Queued");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        switch (line.slice(0, 4).toUpperCase()) {
          case "MAIL":
            mail.from = line.slice("MAIL FROM:".length).trim();
            reply("250 OK");
            break;
          case "RCPT": {
            const address = line.slice("RCPT TO:".length).trim();
            if (options.refuse?.(address.replace(/[<>]/g, ""))) {
              reply(`550 5.1.1 ${address}: Recipient address rejected`);
              break;
            }
            mail.to.push(address);
            reply("250 OK");
            break;
          }
          case "DATA":
            inData = true;
            reply("354 End with <CR><LF>.<CR><LF>");
            break;
          case "QUIT":
            reply("221 Bye");
            socket.end();
            break;
          default:
            // EHLO, HELO, RSET, NOOP: nothing to offer, nothing to refuse.
            reply("250 sink.test");
        }
      }
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
