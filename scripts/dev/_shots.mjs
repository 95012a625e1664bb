import { chromium } from "@playwright/test";
const base = "http://localhost:3200";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const [widths, ...shots] = process.argv.slice(2);
for (const width of widths.split(",").map(Number)) {
  const ctx = await b.newContext({ locale: "fr-FR", viewport: { width, height: 900 } });
  const p = await ctx.newPage();
  p.on("pageerror", (e) => console.log("PAGEERROR", e.message));
  p.on("console", (m) => { if (m.type() === "error") console.log("CONSOLE", m.text()); });
  await p.goto(base + "/login");
  await p.fill("input[name=email]", "habitante@demo.conseil-ouvert.fr");
  await p.fill("input[name=password]", "conseil-demo-2026");
  await p.click("form.form-card button[type=submit]");
  await p.waitForTimeout(800);
  for (const s of shots) {
    const [name, path, from, count] = s.split("=");
    await p.goto(base + path);
    await p.waitForTimeout(400);
    const h = await p.evaluate(() => document.documentElement.scrollHeight);
    const sw = await p.evaluate(() => document.documentElement.scrollWidth);
    if (sw > width) console.log("OVERFLOW", name, width, sw);
    for (let y = Number(from ?? 0), i = 0; y < h && i < Number(count ?? 3); y += 850, i++) {
      await p.evaluate((yy) => window.scrollTo(0, yy), y);
      await p.waitForTimeout(100);
      await p.screenshot({ path: `/tmp/bshots/${name}-${width}-${i}.png` });
    }
  }
  await ctx.close();
}
await b.close();
