/** The queue board's sign-in page: a form that posts a staff access token (never in the URL). */
export function loginPage(action: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>队列看板 · 登录</title>
<style>body{font:18px/1.6 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}input,button{font:inherit;width:100%;padding:.6rem;margin:.4rem 0;box-sizing:border-box}</style></head>
<body>
<h1>龙湾零工 · 队列看板</h1>
<p>请粘贴工作人员登录后得到的访问令牌（accessToken）。Paste a staff access token.</p>
<form method="post" action="${action}">
<label>访问令牌 / Access token<input type="password" name="token" autocomplete="off" required></label>
<button type="submit">进入看板 / Open the board</button>
</form>
</body>
</html>
`;
}
