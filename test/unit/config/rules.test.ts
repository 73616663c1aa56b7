import { issuesOf, loadInline as load } from '../../support/config';

/** One endpoint per line, YAML flow style. */
function endpoints(...lines: string[]): string {
  return `endpoints:\n${lines.map((line) => `  - ${line}\n`).join('')}`;
}

const mock = (name: string, type = 'llm/v1/chat'): string =>
  `{name: ${name}, endpoint_type: ${type}, model: {provider: mock}}`;

describe('endpoint names', () => {
  it.each(['chat', 'chat-v2', 'chat_v2', 'gpt-4o.mini', 'モデル', 'café'])('accepts %s', (name) => {
    expect(load(endpoints(mock(name))).endpoints[0].name).toBe(name);
  });

  it.each(['"my chat"', 'a/b', 'a?b'])('rejects %s naming the allowed characters', (name) => {
    const [issue] = issuesOf(endpoints(mock(name)));
    expect(issue.path).toBe('endpoints[0].name');
    expect(issue.message).toContain("names may contain only letters, digits, '_', '-' and '.'");
  });

  it('rejects a route name with disallowed characters', () => {
    const issues = issuesOf(`${endpoints(mock('chat'))}routes:
  - {name: "split route", task_type: llm/v1/chat, destinations: [{name: chat, traffic_percentage: 100}]}
`);
    expect(issues).toEqual([
      {
        path: 'routes[0].name',
        message: "'split route' is invalid: names may contain only letters, digits, '_', '-' and '.' (they are part of a URL)",
      },
    ]);
  });

  it('rejects a non-string name', () => {
    expect(issuesOf(endpoints(mock('123')))).toEqual([{ path: 'endpoints[0].name', message: 'must be a string' }]);
  });

  it('rejects a duplicate endpoint name at its second occurrence', () => {
    expect(issuesOf(endpoints(mock('a'), mock('b'), mock('a')))).toEqual([
      {
        path: 'endpoints[2].name',
        message: "duplicate name 'a' (already used at endpoints[0].name): endpoint and route names must be unique",
      },
    ]);
  });

  it('rejects a route named like an endpoint', () => {
    const issues = issuesOf(`${endpoints(mock('a'))}routes:
  - {name: a, task_type: llm/v1/chat, destinations: [{name: a, traffic_percentage: 100}]}
`);
    expect(issues).toEqual([
      {
        path: 'routes[0].name',
        message: "duplicate name 'a' (already used at endpoints[0].name): endpoint and route names must be unique",
      },
    ]);
  });
});

describe('OpenAI API types', () => {
  const openai = (config: string): string =>
    endpoints(`{name: e, endpoint_type: llm/v1/chat, model: {provider: openai, name: gpt-4o, config: {openai_api_key: k, ${config}}}}`);
  const azure = 'openai_api_base: "https://r.openai.azure.com", openai_deployment_name: d, openai_api_version: "2024-02-01"';

  it('accepts openai_organization for the openai type', () => {
    expect(load(openai('openai_organization: org-1')).endpoints[0].model.config).toEqual({
      openai_api_key: 'k',
      openai_organization: 'org-1',
    });
  });

  it('rejects openai_deployment_name for the openai type', () => {
    expect(issuesOf(openai('openai_deployment_name: d'))).toEqual([
      {
        path: 'endpoints[0].model.config.openai_deployment_name',
        message: "can only be set if 'openai_api_type' is 'azure' or 'azuread'. Found type: 'openai'",
      },
    ]);
  });

  it.each(['azure', 'AzureAD'])('accepts a complete %s config', (type) => {
    expect(load(openai(`openai_api_type: ${type}, ${azure}`)).endpoints[0].model.config).toMatchObject({
      openai_api_type: type.toLowerCase(),
      openai_deployment_name: 'd',
    });
  });

  it('rejects openai_organization for the azure type', () => {
    expect(issuesOf(openai(`openai_api_type: azure, openai_organization: org-1, ${azure}`))).toEqual([
      {
        path: 'endpoints[0].model.config.openai_organization',
        message: "can only be set if 'openai_api_type' is 'openai'. Found type: 'azure'",
      },
    ]);
  });

  it('names a misspelt openai_api_type alone, not the key only the other types need', () => {
    const config = `{name: e, endpoint_type: llm/v1/chat, model: {provider: openai, name: gpt-4o, config: {openai_api_type: azure_ad, ${azure}}}}`;
    expect(issuesOf(endpoints(config))).toEqual([
      { path: 'endpoints[0].model.config.openai_api_type', message: "'azure_ad' is not supported; must be one of: openai, azure, azuread" },
    ]);
  });

  it('names each missing azure field', () => {
    const message =
      "is required: OpenAI configuration must specify 'openai_api_base', 'openai_deployment_name', and 'openai_api_version' if 'openai_api_type' is 'azure' or 'azuread'";
    expect(issuesOf(openai('openai_api_type: azuread'))).toEqual([
      { path: 'endpoints[0].model.config.openai_api_base', message },
      { path: 'endpoints[0].model.config.openai_deployment_name', message },
      { path: 'endpoints[0].model.config.openai_api_version', message },
    ]);
  });

  it.each(['https://r.openai.azure.com/openai/v1', 'https://r.services.ai.azure.com/openai/v1/', 'https://llm.contoso.com/aoai/openai/v1'])(
    "accepts Azure's v1 API base %s for the azure types without a deployment or api-version",
    (base) => {
      expect(load(openai(`openai_api_type: azure, openai_api_base: "${base}"`)).endpoints[0].model.config).toMatchObject({ openai_api_type: 'azure' });
      expect(load(openai(`openai_api_type: AzureAD, openai_api_base: "${base}"`)).endpoints[0].model.config).toEqual({
        openai_api_key: 'k',
        openai_api_type: 'azuread',
        openai_api_base: base,
      });
    },
  );

  it.each(['azure', 'azuread'])("refuses Azure's v1 API base for the %s type without a model name, which v1 sends as the deployment", (type) => {
    const v1 = (name: string) =>
      endpoints(`{name: e, endpoint_type: llm/v1/chat, model: {provider: openai, ${name}config: {openai_api_key: k, openai_api_type: ${type}, openai_api_base: "https://r.openai.azure.com/openai/v1"}}}`);
    for (const name of ['', 'name: null, ', 'name: "", ']) {
      expect(issuesOf(v1(name))).toEqual([
        {
          path: 'endpoints[0].model.name',
          message:
            "is required when 'openai_api_base' is Azure's v1 API (/openai/v1): it is the deployment's name, sent as the request's model; " +
            'for the deployment API give the resource alone (https://<resource>.openai.azure.com) as openai_api_base, with openai_deployment_name and openai_api_version',
        },
      ]);
    }
  });

  it("refuses a deployment and an api-version beside Azure's v1 API base, saying where the deployment goes", () => {
    const issues = issuesOf(openai('openai_api_type: azure, openai_api_base: "https://r.openai.azure.com/openai/v1/", openai_deployment_name: d, openai_api_version: "2024-10-21"'));
    expect(issues).toEqual([
      { path: 'endpoints[0].model.config.openai_deployment_name', message: expect.stringContaining("is not used when 'openai_api_base' is Azure's v1 API (/openai/v1): the deployment goes as the model's name (model.name)") },
      { path: 'endpoints[0].model.config.openai_api_version', message: expect.stringContaining("is not used when 'openai_api_base' is Azure's v1 API (/openai/v1), which takes no api-version") },
    ]);
    expect(issues[0].message).toContain('for the deployment API give the resource alone (https://<resource>.openai.azure.com) as openai_api_base');
  });

  it.each([
    'https://r.openai.azure.com/openai/deployments/gpt-4o',
    'https://r.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21',
    'https://apim.contoso.com/aoai/openai/deployments/gpt-4o/',
  ])('refuses a deployment URL %s as the base of the azure types and says the config that works', (base) => {
    expect(issuesOf(openai(`openai_api_type: azure, openai_api_base: "${base}", openai_deployment_name: d, openai_api_version: "2024-10-21"`))).toEqual([
      {
        path: 'endpoints[0].model.config.openai_api_base',
        message:
          "is a deployment's URL (/openai/deployments/...), but the azure types add /openai/deployments/<deployment> and ?api-version= to the base themselves: " +
          'give the resource alone (https://<resource>.openai.azure.com), with the deployment as openai_deployment_name and the version as openai_api_version',
      },
    ]);
  });

  it.each(['https://r.openai.azure.com/openai', 'https://r.cognitiveservices.azure.com/OpenAI/'])("refuses an Azure resource's /openai path %s as the base of the azure types", (base) => {
    expect(issuesOf(openai(`openai_api_type: azuread, openai_api_base: "${base}", openai_deployment_name: d, openai_api_version: "2024-10-21"`))).toEqual([
      {
        path: 'endpoints[0].model.config.openai_api_base',
        message:
          'ends in /openai, which the azure types add to the base themselves (with /deployments/<deployment> and ?api-version=): ' +
          'give the resource alone (https://<resource>.openai.azure.com), or https://<resource>.openai.azure.com/openai/v1 for the v1 API',
      },
    ]);
  });

  it("keeps a proxy's own /openai prefix (the azure types add /openai/deployments after it)", () => {
    const config = load(openai('openai_api_type: azure, openai_api_base: "https://apim.contoso.com/openai", openai_deployment_name: d, openai_api_version: "2024-10-21"'));
    expect(config.endpoints[0].model.config).toMatchObject({ openai_api_base: 'https://apim.contoso.com/openai' });
  });
});

describe('model names checked at load time', () => {
  const mosaic = (type: string, name: string): string =>
    endpoints(`{name: e, endpoint_type: ${type}, model: {provider: mosaicml, name: ${name}, config: {mosaicml_api_key: k}}}`);
  const ai21 = (name: string, type = 'llm/v1/completions'): string =>
    endpoints(`{name: e, endpoint_type: ${type}, model: {provider: ai21labs, name: ${name}, config: {ai21labs_api_key: k}}}`);

  it('accepts a mosaicml chat model starting with llama2 in any case', () => {
    expect(load(mosaic('llm/v1/chat', 'Llama2-70b-chat')).endpoints[0].model.name).toBe('Llama2-70b-chat');
  });

  it('rejects another mosaicml chat model', () => {
    expect(issuesOf(mosaic('llm/v1/chat', 'mpt-7b-instruct'))).toEqual([
      {
        path: 'endpoints[0].model.name',
        message:
          "An invalid model has been specified for the chat route: 'mpt-7b-instruct'. Ensure the model selected starts with one of: ['llama2']",
      },
    ]);
  });

  it('does not check mosaicml completions model names', () => {
    expect(load(mosaic('llm/v1/completions', 'mpt-7b-instruct')).endpoints[0].model.name).toBe('mpt-7b-instruct');
  });

  it.each(['j2-ultra', 'j2-mid', 'j2-light'])('accepts the ai21labs model %s', (name) => {
    expect(load(ai21(name)).endpoints[0].model.name).toBe(name);
  });

  it('rejects another ai21labs model', () => {
    expect(issuesOf(ai21('j2-grande'))).toEqual([
      {
        path: 'endpoints[0].model.name',
        message: "An unsupported AI21Labs model has been specified: 'j2-grande'. Supported models: j2-ultra, j2-mid, j2-light, or AI21's Jamba models (jamba-*)",
      },
    ]);
  });

  it.each(['llm/v1/completions', 'llm/v1/chat'])('accepts AI21 Jamba models on %s', (type) => {
    expect(load(ai21('jamba-mini-1.7', type)).endpoints[0].model.name).toBe('jamba-mini-1.7');
  });

  it('rejects a Jurassic-2 model on an ai21labs chat endpoint (J2 has no chat API)', () => {
    expect(issuesOf(ai21('j2-ultra', 'llm/v1/chat'))).toEqual([
      {
        path: 'endpoints[0].model.name',
        message:
          "An unsupported AI21Labs model has been specified for the chat route: 'j2-ultra'. Supported models: AI21's Jamba models (jamba-large, jamba-mini, or a version such as jamba-mini-1.7)",
      },
    ]);
  });
});

describe('limit', () => {
  const limited = (limit: string): string =>
    endpoints(`{name: e, endpoint_type: llm/v1/chat, model: {provider: mock}, limit: ${limit}}`);
  const periodMessage =
    "must be second, minute, hour, day, month or year, optionally with a count ('2 minutes')";

  it.each(['minute', 'Minutes', '2 hours', 'day', 'second', '1 month', 'YEAR'])('accepts renewal_period %s', (period) => {
    expect(load(limited(`{calls: 5, renewal_period: ${period}}`)).endpoints[0].limit).toEqual({ calls: 5, renewal_period: period });
  });

  it('accepts calls: 0 and an unused key', () => {
    expect(load(limited('{calls: 0, renewal_period: minute, key: user}')).endpoints[0].limit).toEqual({
      calls: 0,
      renewal_period: 'minute',
      key: 'user',
    });
  });

  it.each(['fortnight', '2 weeks', 'minute minute', '60'])('rejects renewal_period %s', (period) => {
    expect(issuesOf(limited(`{calls: 5, renewal_period: "${period}"}`))).toEqual([
      { path: 'endpoints[0].limit.renewal_period', message: periodMessage },
    ]);
  });

  it('rejects a numeric renewal_period', () => {
    expect(issuesOf(limited('{calls: 5, renewal_period: 60}'))).toEqual([
      { path: 'endpoints[0].limit.renewal_period', message: periodMessage },
    ]);
  });

  it.each(['-1', '1.5', 'many'])('rejects calls: %s', (calls) => {
    expect(issuesOf(limited(`{calls: ${calls}, renewal_period: minute}`))).toEqual([
      { path: 'endpoints[0].limit.calls', message: 'must be an integer, 0 or more (0 rejects every request)' },
    ]);
  });

  it('requires renewal_period', () => {
    expect(issuesOf(limited('{calls: 5}'))).toEqual([{ path: 'endpoints[0].limit.renewal_period', message: 'is required' }]);
  });

  it('accepts tokens instead of calls, or both', () => {
    expect(load(limited('{tokens: 1000, renewal_period: hour}')).endpoints[0].limit).toEqual({ tokens: 1000, renewal_period: 'hour' });
    expect(load(limited('{calls: 5, tokens: 1000, renewal_period: hour}')).endpoints[0].limit).toEqual({ calls: 5, tokens: 1000, renewal_period: 'hour' });
  });

  it('requires calls, tokens or both, in one message', () => {
    expect(issuesOf(limited('{renewal_period: minute}'))).toEqual([{ path: 'endpoints[0].limit', message: 'must set calls, tokens or both (with renewal_period)' }]);
  });

  it.each(['-1', '2.5'])('rejects tokens: %s', (tokens) => {
    expect(issuesOf(limited(`{tokens: ${tokens}, renewal_period: minute}`))).toEqual([
      { path: 'endpoints[0].limit.tokens', message: 'must be an integer, 0 or more (0 rejects every request)' },
    ]);
  });
});

describe('routes', () => {
  const base = endpoints(mock('chat-a'), mock('chat-b'), mock('embed', 'llm/v1/embeddings'));
  const withRoute = (route: string): string => `${base}routes:\n  - ${route}\n`;

  it('accepts a traffic split over endpoints of the route type', () => {
    const config = load(
      withRoute('{name: split, task_type: llm/v1/chat, destinations: [{name: chat-a, traffic_percentage: 70}, {name: chat-b, traffic_percentage: 30}]}'),
    );
    expect(config.routes).toEqual([
      {
        name: 'split',
        task_type: 'llm/v1/chat',
        destinations: [
          { name: 'chat-a', traffic_percentage: 70 },
          { name: 'chat-b', traffic_percentage: 30 },
        ],
      },
    ]);
  });

  it('accepts a 0% destination and routing_strategy TRAFFIC_SPLIT', () => {
    const config = load(
      withRoute('{name: split, task_type: llm/v1/chat, routing_strategy: TRAFFIC_SPLIT, destinations: [{name: chat-a, traffic_percentage: 100}, {name: chat-b, traffic_percentage: 0}]}'),
    );
    expect(config.routes?.[0].routing_strategy).toBe('TRAFFIC_SPLIT');
  });

  it('rejects a destination that is neither an endpoint nor a route', () => {
    expect(issuesOf(withRoute('{name: split, task_type: llm/v1/chat, destinations: [{name: chat-c, traffic_percentage: 100}]}'))).toEqual([
      {
        path: 'routes[0].destinations[0].name',
        message: "The route destination name must be an endpoint or route name, but the route 'split' has an invalid destination name 'chat-c'",
      },
    ]);
  });

  it('accepts a destination that is another route (not in MLflow)', () => {
    const config = load(`${withRoute('{name: split, task_type: llm/v1/chat, destinations: [{name: chat-a, traffic_percentage: 100}]}')}  - {name: outer, task_type: llm/v1/chat, destinations: [{name: split, traffic_percentage: 100}]}\n`);
    expect(config.routes?.[1].destinations).toEqual([{ name: 'split', traffic_percentage: 100 }]);
  });

  it('rejects a destination route of another task type, naming it as a route', () => {
    const issues = issuesOf(`${withRoute('{name: embed-route, task_type: llm/v1/embeddings, destinations: [{name: embed, traffic_percentage: 100}]}')}  - {name: outer, task_type: llm/v1/chat, destinations: [{name: embed-route, traffic_percentage: 100}]}\n`);
    expect(issues).toEqual([
      {
        path: 'routes[1].destinations[0].name',
        message:
          "The route destination endpoint types in the route 'outer' must have endpoint type 'llm/v1/chat' but got endpoint type 'llm/v1/embeddings' (route 'embed-route')",
      },
    ]);
  });

  it('rejects routes that form a cycle, once, with the whole chain', () => {
    const config = `${base}routes:
  - {name: one, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{name: chat-a}, {name: two}]}
  - {name: two, task_type: llm/v1/chat, destinations: [{name: chat-b, traffic_percentage: 50}, {name: three, traffic_percentage: 50}]}
  - {name: three, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{name: one}]}
  - {name: self, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{name: self}]}
`;
    expect(issuesOf(config)).toEqual([
      { path: 'routes[2].destinations[0].name', message: "routes must not form a cycle, but 'one' -> 'two' -> 'three' -> 'one' does" },
      { path: 'routes[3].destinations[0].name', message: "routes must not form a cycle, but 'self' -> 'self' does" },
    ]);
  });

  it('rejects a destination whose endpoint type differs from the task type', () => {
    expect(
      issuesOf(withRoute('{name: split, task_type: llm/v1/chat, destinations: [{name: chat-a, traffic_percentage: 50}, {name: embed, traffic_percentage: 50}]}')),
    ).toEqual([
      {
        path: 'routes[0].destinations[1].name',
        message:
          "The route destination endpoint types in the route 'split' must have endpoint type 'llm/v1/chat' but got endpoint type 'llm/v1/embeddings' (endpoint 'embed')",
      },
    ]);
  });

  it.each(['150', '-5', '12.5', 'half'])('rejects traffic_percentage %s', (percentage) => {
    const issues = issuesOf(withRoute(`{name: split, task_type: llm/v1/chat, destinations: [{name: chat-a, traffic_percentage: ${percentage}}]}`));
    expect(issues[0]).toEqual({ path: 'routes[0].destinations[0].traffic_percentage', message: 'must be an integer between 0 and 100' });
  });

  it('rejects percentages that do not add up to exactly 100', () => {
    expect(
      issuesOf(withRoute('{name: split, task_type: llm/v1/chat, destinations: [{name: chat-a, traffic_percentage: 60}, {name: chat-b, traffic_percentage: 60}]}')),
    ).toEqual([
      { path: 'routes[0].destinations', message: "the traffic percentage sum of destinations must be 100, but route 'split' adds up to 120" },
    ]);
  });

  it('rejects another routing_strategy', () => {
    expect(
      issuesOf(withRoute('{name: split, task_type: llm/v1/chat, routing_strategy: ROUND_ROBIN, destinations: [{name: chat-a, traffic_percentage: 100}]}')),
    ).toEqual([{ path: 'routes[0].routing_strategy', message: "'ROUND_ROBIN' is not supported; must be one of: TRAFFIC_SPLIT, FALLBACK" }]);
  });

  it('names a misspelt routing_strategy alone, not the percentages a traffic split would need', () => {
    // The destinations were written for FALLBACK; that they lack percentages only follows from the typo.
    expect(issuesOf(withRoute('{name: split, task_type: llm/v1/chat, routing_strategy: FALLBAK, destinations: [{name: chat-a}, {name: chat-b}]}'))).toEqual([
      { path: 'routes[0].routing_strategy', message: "'FALLBAK' is not supported; must be one of: TRAFFIC_SPLIT, FALLBACK" },
    ]);
  });

  it('requires task_type and destinations, and at least one destination', () => {
    expect(issuesOf(withRoute('{name: split}'))).toEqual([
      { path: 'routes[0].task_type', message: 'is required' },
      { path: 'routes[0].destinations', message: 'is required' },
    ]);
    expect(issuesOf(withRoute('{name: split, task_type: llm/v1/chat, destinations: []}'))).toEqual([
      { path: 'routes[0].destinations', message: 'must list at least 1 item' },
    ]);
  });

  it('requires each destination of a traffic split to have a name and a percentage', () => {
    expect(issuesOf(withRoute('{name: split, task_type: llm/v1/chat, destinations: [{name: chat-a}]}'))).toEqual([
      { path: 'routes[0].destinations[0].traffic_percentage', message: 'is required' },
    ]);
  });
});

describe('FALLBACK routes', () => {
  const base = endpoints(mock('chat-a'), mock('chat-b'), mock('embed', 'llm/v1/embeddings'));
  const withRoute = (route: string): string => `${base}routes:\n  - ${route}\n`;

  it('accepts ordered destinations without percentages', () => {
    const config = load(withRoute('{name: safe, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{name: chat-b}, {name: chat-a}]}'));
    expect(config.routes).toEqual([{ name: 'safe', task_type: 'llm/v1/chat', routing_strategy: 'FALLBACK', destinations: [{ name: 'chat-b' }, { name: 'chat-a' }] }]);
  });

  it('accepts a traffic split whose destinations are fallback routes', () => {
    const config = load(`${base}routes:
  - {name: a-first, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{name: chat-a}, {name: chat-b}]}
  - {name: b-first, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{name: chat-b}, {name: chat-a}]}
  - {name: split, task_type: llm/v1/chat, destinations: [{name: a-first, traffic_percentage: 50}, {name: b-first, traffic_percentage: 50}]}
`);
    expect(config.routes?.map((route) => route.name)).toEqual(['a-first', 'b-first', 'split']);
  });

  it('rejects traffic_percentage, which has no meaning there', () => {
    expect(issuesOf(withRoute('{name: safe, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{name: chat-a}, {name: chat-b, traffic_percentage: 50}]}'))).toEqual([
      { path: 'routes[0].destinations[1].traffic_percentage', message: 'has no meaning in a FALLBACK route: its destinations are tried in the order listed' },
    ]);
  });

  it('rejects unknown names, other task types and repeats, each at its YAML path', () => {
    expect(issuesOf(withRoute('{name: safe, task_type: llm/v1/chat, routing_strategy: FALLBACK, destinations: [{name: chat-a}, {name: nope}, {name: embed}, {name: chat-a}]}'))).toEqual([
      {
        path: 'routes[0].destinations[1].name',
        message: "The route destination name must be an endpoint or route name, but the route 'safe' has an invalid destination name 'nope'",
      },
      {
        path: 'routes[0].destinations[2].name',
        message: "The route destination endpoint types in the route 'safe' must have endpoint type 'llm/v1/chat' but got endpoint type 'llm/v1/embeddings' (endpoint 'embed')",
      },
      { path: 'routes[0].destinations[3].name', message: "'chat-a' is listed twice in the FALLBACK route 'safe': each destination is tried once" },
    ]);
  });
});

describe('rate_limit_store', () => {
  const base = endpoints(mock('chat'));

  it('accepts a Redis store and resolves $ENV in its URL like a secret', () => {
    const config = load(`${base}rate_limit_store: {type: redis, url: $REDIS_URL, on_error: closed, timeout_ms: 100}\n`, { REDIS_URL: 'redis://:pw@127.0.0.1:6390/2' });
    expect(config.rate_limit_store).toEqual({ type: 'redis', url: 'redis://:pw@127.0.0.1:6390/2', on_error: 'closed', timeout_ms: 100 });
  });

  it('rejects another type, a non-Redis URL (without quoting it) and an unknown on_error', () => {
    const issues = issuesOf(`${base}rate_limit_store: {type: memcached, url: "http://user:secret@host", on_error: maybe}\n`);
    expect(issues).toEqual([
      { path: 'rate_limit_store.type', message: "'memcached' is not supported; must be one of: redis" },
      { path: 'rate_limit_store.on_error', message: "'maybe' is not supported; must be one of: open, closed" },
    ]);
    expect(issuesOf(`${base}rate_limit_store: {type: redis, url: "http://user:secret@host"}\n`)).toEqual([
      { path: 'rate_limit_store.url', message: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0' },
    ]);
  });

  it.each(['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379/', 'redis://127.0.0.1:6379/15', 'rediss://cache/99', 'redis://cache?db=3'])('accepts the database of %s', (url) => {
    expect(load(`${base}rate_limit_store: {type: redis, url: "${url}"}\n`).rate_limit_store?.url).toBe(url);
  });

  it.each(['redis://cache:6379/abc', 'redis://cache:6379/-1', 'redis://cache:6379/1.5', 'redis://cache:6379/0/x', 'redis://cache:6379/%20', 'redis://cache:6379/99999999999', 'redis://cache?db=two'])(
    'refuses the database of %s at load, naming the file and YAML path',
    (url) => {
      expect(issuesOf(`${base}rate_limit_store: {type: redis, url: "${url}"}\n`)).toEqual([
        {
          path: 'rate_limit_store.url',
          message:
            'the database (the path after host:port) must be a whole number from 0, as in redis://127.0.0.1:6379/0 (Redis has databases 0 to 15 unless its `databases` setting says otherwise)',
        },
      ]);
    },
  );

  it('judges the database of a URL from the environment, without quoting the URL', () => {
    const issues = issuesOf(`${base}rate_limit_store: {type: redis, url: $REDIS_URL}\n`, { REDIS_URL: 'redis://:s3cret@cache:6379/db1' });
    expect(issues.map((issue) => issue.path)).toEqual(['rate_limit_store.url']);
    expect(JSON.stringify(issues)).not.toContain('s3cret');
  });

  it('names an unset environment variable', () => {
    expect(issuesOf(`${base}rate_limit_store: {type: redis, url: $REDIS_URL}\n`)).toEqual([
      { path: 'rate_limit_store.url', message: "environment variable 'REDIS_URL' is not set" },
    ]);
  });

  it('accepts Redis Sentinel without a URL, and resolves the URL and the Sentinels\' password like secrets', () => {
    const sentinels = 'sentinels: ["sentinel-1:26379", "[::1]:26380"], sentinel_master: mymaster';
    expect(load(`${base}rate_limit_store: {type: redis, ${sentinels}}\n`).rate_limit_store).toEqual({ type: 'redis', sentinels: ['sentinel-1:26379', '[::1]:26380'], sentinel_master: 'mymaster' });
    const withSecrets = load(`${base}rate_limit_store: {type: redis, url: $REDIS_URL, ${sentinels}, sentinel_password: $SENTINEL_PASSWORD}\n`, { REDIS_URL: 'redis://:pw@ignored/1', SENTINEL_PASSWORD: 's3cret' });
    expect(withSecrets.rate_limit_store).toMatchObject({ url: 'redis://:pw@ignored/1', sentinel_password: 's3cret' });
    expect(issuesOf(`${base}rate_limit_store: {type: redis, ${sentinels}, sentinel_password: $SENTINEL_PASSWORD}\n`)).toEqual([
      { path: 'rate_limit_store.sentinel_password', message: "environment variable 'SENTINEL_PASSWORD' is not set" },
    ]);
  });

  it('resolves the Sentinels\' ACL user like their password, and refuses it without that password or without sentinels', () => {
    const sentinels = 'sentinels: ["sentinel-1:26379"], sentinel_master: mymaster';
    const withUser = load(`${base}rate_limit_store: {type: redis, ${sentinels}, sentinel_username: $SENTINEL_USERNAME, sentinel_password: pw}\n`, { SENTINEL_USERNAME: 'gateway' });
    expect(withUser.rate_limit_store).toMatchObject({ sentinel_username: 'gateway', sentinel_password: 'pw' });
    expect(issuesOf(`${base}rate_limit_store: {type: redis, ${sentinels}, sentinel_username: gateway}\n`)).toEqual([
      { path: 'rate_limit_store.sentinel_password', message: "is required when 'sentinel_username' is set" },
    ]);
    expect(issuesOf(`${base}rate_limit_store: {type: redis, url: "redis://cache", sentinel_username: gateway, sentinel_password: pw}\n`)).toEqual([
      { path: 'rate_limit_store.sentinels', message: "is required when 'sentinel_password' is set" },
      { path: 'rate_limit_store.sentinels', message: "is required when 'sentinel_username' is set" },
    ]);
  });

  it('refuses a store with neither url nor sentinels, and Sentinel settings without each other', () => {
    expect(issuesOf(`${base}rate_limit_store: {type: redis}\n`)).toEqual([{ path: 'rate_limit_store.url', message: 'is required' }]);
    expect(issuesOf(`${base}rate_limit_store: {type: redis, sentinels: ["127.0.0.1:26379"]}\n`)).toEqual([
      { path: 'rate_limit_store.sentinel_master', message: "is required when 'sentinels' is set" },
    ]);
    expect(issuesOf(`${base}rate_limit_store: {type: redis, url: "redis://cache", sentinel_master: mymaster, sentinel_password: pw}\n`)).toEqual([
      { path: 'rate_limit_store.sentinels', message: "is required when 'sentinel_master' is set" },
      { path: 'rate_limit_store.sentinels', message: "is required when 'sentinel_password' is set" },
    ]);
    expect(issuesOf(`${base}rate_limit_store: {type: redis, sentinels: [], sentinel_master: mymaster}\n`)).toEqual([
      { path: 'rate_limit_store.sentinels', message: 'must list at least 1 item' },
    ]);
  });

  it('takes sentinel_tls (TLS to the Sentinels) only with sentinels', () => {
    const sentinels = 'sentinels: ["sentinel-1:26379"], sentinel_master: mymaster';
    expect(load(`${base}rate_limit_store: {type: redis, ${sentinels}, sentinel_tls: true}\n`).rate_limit_store).toMatchObject({ sentinel_tls: true });
    expect(issuesOf(`${base}rate_limit_store: {type: redis, url: "rediss://cache", sentinel_tls: true}\n`)).toEqual([
      { path: 'rate_limit_store.sentinels', message: "is required when 'sentinel_tls' is set" },
    ]);
    expect(issuesOf(`${base}rate_limit_store: {type: redis, ${sentinels}, sentinel_tls: "maybe"}\n`)).toEqual([{ path: 'rate_limit_store.sentinel_tls', message: 'must be true or false' }]);
  });

  it('accepts a rediss:// URL with sentinels (TLS to the master)', () => {
    const config = load(`${base}rate_limit_store: {type: redis, url: $REDIS_URL, sentinels: ["127.0.0.1:26379"], sentinel_master: mymaster}\n`, { REDIS_URL: 'rediss://:s3cret@cache/0' });
    expect(config.rate_limit_store?.url).toBe('rediss://:s3cret@cache/0');
  });

  it('accepts a Redis Cluster without a URL or with its password (over TLS with rediss://), and refuses what a cluster cannot take', () => {
    expect(load(`${base}rate_limit_store: {type: redis, cluster_nodes: ["node-1:6379", "[::1]:6380"]}\n`).rate_limit_store).toEqual({ type: 'redis', cluster_nodes: ['node-1:6379', '[::1]:6380'] });
    expect(load(`${base}rate_limit_store: {type: redis, url: "redis://:pw@node-1/0", cluster_nodes: ["node-1:6379"]}\n`).rate_limit_store?.url).toBe('redis://:pw@node-1/0');
    const refused = (store: string) => issuesOf(`${base}rate_limit_store: {type: redis, ${store}}\n`);
    expect(refused('cluster_nodes: ["node-1:6379", "node-2"]')).toEqual([
      { path: 'rate_limit_store.cluster_nodes[1]', message: "must be a cluster node's host:port, e.g. 127.0.0.1:6379 or [::1]:6379 (port 1 to 65535)" },
    ]);
    expect(refused('url: "redis://:s3cret@node-1/2", cluster_nodes: ["node-1:6379"]')).toEqual([
      { path: 'rate_limit_store.url', message: 'must name database 0 or none with cluster_nodes: a Redis Cluster has no other' },
    ]);
    expect(load(`${base}rate_limit_store: {type: redis, url: "rediss://:pw@node-1", cluster_nodes: ["node-1:6379"]}\n`).rate_limit_store?.url).toBe('rediss://:pw@node-1');
    expect(refused('cluster_nodes: ["node-1:6379"], sentinels: ["sentinel-1:26379"], sentinel_master: mymaster')).toEqual([
      { path: 'rate_limit_store.cluster_nodes', message: 'cannot be set with sentinels: a store is one Redis server, a Sentinel-managed master or a Redis Cluster' },
    ]);
  });

  it.each(['127.0.0.1', 'sentinel-1:0', 'sentinel-1:65536', ':26379', 'redis://sentinel-1:26379', '::1:26379', 'sentinel-1:26379/0', 'user:pw@sentinel-1:26379'])(
    'refuses the Sentinel address %s at load, naming its YAML path',
    (address) => {
      expect(issuesOf(`${base}rate_limit_store: {type: redis, sentinels: ["127.0.0.1:26379", "${address}"], sentinel_master: mymaster}\n`)).toEqual([
        { path: 'rate_limit_store.sentinels[1]', message: "must be a Sentinel's host:port, e.g. 127.0.0.1:26379 or [::1]:26379 (port 1 to 65535)" },
      ]);
    },
  );
});

describe('secrets no HTTP header could carry', () => {
  it('refuses them at load with their YAML paths and never their values', () => {
    const config = `endpoints:
  - name: chat
    endpoint_type: llm/v1/chat
    model: {provider: openai, name: gpt-4o-mini, config: {openai_api_key: $OPENAI_API_KEY}}
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: bedrock
      name: anthropic.claude-3-haiku-20240307-v1:0
      config: {aws_config: {aws_region: us-east-1, aws_access_key_id: AKIDEXAMPLE, aws_secret_access_key: $AWS_SECRET}}
auth:
  api_keys:
    - {name: app, key: $CLIENT_KEY}
`;
    const issues = issuesOf(config, { OPENAI_API_KEY: 'sk-proj-abc\n\n', AWS_SECRET: 'wJalr\tXUtnFEMI', CLIENT_KEY: 'client-key\r' });
    expect(issues).toEqual([
      { path: 'endpoints[0].model.config.openai_api_key', message: 'the secret holds a control character (U+000A) at position 12 of 12, which no HTTP header may carry' },
      { path: 'endpoints[1].model.config.aws_config.aws_secret_access_key', message: 'the secret holds a control character (U+0009) at position 6 of 14, which no HTTP header may carry' },
      { path: 'auth.api_keys[0].key', message: 'the secret holds a control character (U+000D) at position 11 of 11, which no HTTP header may carry' },
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/sk-proj-abc|wJalr|client-key/);
  });
});
