// c2c's GraphiQL: the token is entered once, kept in this browser's
// localStorage, and sent as the Authorization header of every request and
// in the connection_init of subscriptions (/graphql/ws, graphql-ws).
(function () {
  'use strict';
  var KEY = 'c2c.token';
  var input = document.getElementById('token');
  var state = document.getElementById('token-state');

  function token() { return localStorage.getItem(KEY) || ''; }
  function authorization() { return token() ? 'Bearer ' + token() : undefined; }
  function show() {
    state.textContent = token()
      ? 'token saved in this browser: sent with every request'
      : 'no token: enter one (c2c token create --account ID, or the tokens c2c serve --demo prints)';
  }

  document.getElementById('token-bar').addEventListener('submit', function (event) {
    event.preventDefault();
    var value = input.value.trim().replace(/^Bearer\s+/i, '');
    input.value = '';
    if (value) {
      localStorage.setItem(KEY, value);
      // Load again, so that GraphiQL reads the schema with the token.
      window.location.reload();
    }
  });
  document.getElementById('forget').addEventListener('click', function () {
    localStorage.removeItem(KEY);
    show();
  });
  show();

  function withToken(url, init) {
    init = Object.assign({}, init);
    var headers = new Headers(init.headers || {});
    if (!headers.has('Authorization') && authorization()) {
      headers.set('Authorization', authorization());
    }
    init.headers = headers;
    return fetch(url, init);
  }

  var origin = window.location.origin;
  var fetcher = GraphiQL.createFetcher({
    url: origin + '/graphql',
    subscriptionUrl: origin.replace(/^http/, 'ws') + '/graphql/ws',
    // Read when each subscription connects, so a token saved later counts.
    wsConnectionParams: Object.defineProperty({}, 'Authorization', {
      enumerable: true,
      get: authorization,
    }),
    fetch: withToken,
  });

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery:
        '# Enter your token above once; it is sent with every request.\n' +
        '{\n  me { account { name role } }\n  narrative {\n    steps { step question criteria { code } }\n  }\n}\n',
    }, React.createElement(GraphiQL.Logo, null, 'c2c'))
  );
})();
