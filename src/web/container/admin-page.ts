// The administration console at /cfadmin/ (Finesse's cfadmin web application). The page is public; it signs the
// administrator in against the REST API and edits the configuration through it, so every rule stays in the API.
import type { FastifyPluginAsync } from 'fastify';
import { BUNDLE_PREFIX, bundleUrl } from './built-assets.ts';
import type { ContainerContext } from './context.ts';

const ADMIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Poise Administration</title>
<link rel="stylesheet" href="${BUNDLE_PREFIX}admin.css">
</head>
<body>
<div id="poise-admin"><noscript>The administration console needs JavaScript.</noscript></div>
<script src="${bundleUrl('admin')}"></script>
</body>
</html>
`;

export const adminPagePlugin: FastifyPluginAsync<ContainerContext> = async (app) => {
  app.get('/cfadmin', async (_request, reply) => reply.redirect('/cfadmin/', 302));
  app.get('/cfadmin/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(ADMIN_PAGE));
};
