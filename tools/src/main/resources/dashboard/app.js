'use strict';
/*
 * The dashboard: starts runs, steers the one chosen and shows it live through its WebSocket. Every request carries
 * the server's token, taken from the page's address once and then kept out of it.
 */
(() => {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  // frames a second the space view asks for; ?fps=N on the page's address changes it
  const streamFps = Math.min(60, Math.max(1, Number(params.get('fps')) || 20));
  if (params.has('token')) {
    sessionStorage.setItem('myriad-token', params.get('token'));
    history.replaceState(null, '', location.pathname);
  }
  const token = sessionStorage.getItem('myriad-token') || '';
  const renderer = new MyriadSpace.Renderer($('space'));
  const MAX_CHART_POINTS = 2000;
  let run = null;
  let socket = null;
  let scene = null;
  let charts = [];
  let columns = [];
  let series = [];
  let speedTouched = false;

  function say(text) {
    $('message').textContent = text || '';
  }

  async function api(method, path, body) {
    const response = await fetch('/api/' + path, {
      method: method,
      headers: token ? { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' } :
        { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(json.error || ('HTTP ' + response.status));
    }
    return json;
  }

  async function loadScenarios() {
    const scenarios = await api('GET', 'scenarios');
    $('scenario').replaceChildren(...scenarios.filter((s) => !s.error).map((s) => {
      const option = new Option(s.name + ' (' + s.model + ')', s.name);
      return option;
    }));
  }

  async function loadRuns(select) {
    const runs = await api('GET', 'runs');
    const picker = $('runs');
    const chosen = select || picker.value;
    picker.replaceChildren(new Option(runs.length ? '(choose a run)' : '(none yet)', ''),
      ...runs.map((r) => new Option(r.id + ' ' + r.label + ' [' + r.state + ']', r.id)));
    picker.value = chosen || '';
    return runs;
  }

  function settingsFromForm() {
    const settings = {};
    for (const [id, key] of [['agents', 'agents'], ['ticks', 'ticks'], ['seed', 'seed'], ['threads', 'threads'],
      ['metrics-every', 'metrics_every']]) {
      if ($(id).value !== '') {
        settings[key] = Number($(id).value);
      }
    }
    const parameters = {};
    for (const pair of $('params').value.split(',').map((p) => p.trim()).filter((p) => p)) {
      const equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new Error('parameters are name=value, separated by commas: ' + pair);
      }
      parameters[pair.slice(0, equals).trim()] = pair.slice(equals + 1).trim();
    }
    return { scenario: $('scenario').value, settings: settings, params: parameters, paused: $('paused').checked };
  }

  $('start').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const started = await api('POST', 'runs', settingsFromForm());
      say('started ' + started.id);
      await loadRuns(started.id);
      choose(started.id);
    } catch (error) {
      say(error.message);
    }
  });

  $('runs').addEventListener('change', () => choose($('runs').value));

  async function choose(id) {
    if (socket !== null) {
      socket.close();
      socket = null;
    }
    renderer.clear();
    speedTouched = false;
    run = null;
    scene = null;
    resetCharts();
    if (!id) {
      return;
    }
    // the scene is there once the run is launched, and with it what the run takes from outside
    for (let tries = 0; scene === null && tries < 100; tries++) {
      try {
        scene = await api('GET', 'runs/' + id + '/scene');
      } catch (error) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    run = await api('GET', 'runs/' + id);
    events(run.events);
    if (scene === null) {
      say('run ' + id + ' is ' + run.state + (run.error ? ': ' + run.error : ''));
      return;
    }
    views();
    connect(id);
  }

  function connect(id) {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    // without a token of its own (a page opened from its cookie), the socket goes on the cookie too
    socket = new WebSocket(scheme + location.host + '/ws/runs/' + id +
      (token ? '?token=' + encodeURIComponent(token) : ''));
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'status', hz: 10 }));
      subscribe();
    };
    socket.onmessage = (message) => {
      if (typeof message.data === 'string') {
        text(JSON.parse(message.data));
      } else {
        renderer.show(message.data);
      }
    };
    socket.onclose = (closed) => {
      if (closed.code !== 1000 && closed.code !== 1005) {
        say('stream closed: ' + (closed.reason || closed.code));
      }
    };
  }

  function views() {
    const options = [];
    for (const points of scene.points) {
      options.push(new Option(points.type + ' (points)', 'points:' + points.type));
    }
    for (const layer of scene.layers) {
      options.push(new Option(layer.grid + ' / ' + layer.layer, 'grid:' + layer.grid + ':' + layer.layer));
    }
    for (const network of scene.networks.filter((n) => n.drawable)) {
      options.push(new Option(network.network + ' (network)', 'network:' + network.network));
    }
    $('view').replaceChildren(...options);
    columnsFor();
  }

  function columnsFor() {
    const value = $('view').value || '';
    const points = scene && scene.points.find((p) => 'points:' + p.type === value);
    const network = scene && scene.networks.find((n) => 'network:' + n.network === value);
    const columns = points ? points.columns : network ? network.columns : [];
    $('column').replaceChildren(new Option('(one colour)', ''),
      ...columns.filter((c) => c !== 'x' && c !== 'y' && c !== 'cell').map((c) => new Option(c, c)));
    $('column').hidden = columns.length === 0;
  }

  function subscribe() {
    if (socket === null || socket.readyState !== WebSocket.OPEN) {
      return;
    }
    const value = $('view').value || '';
    if (value.startsWith('points:')) {
      const message = { type: 'view', view: 'points', agents: value.slice(7), maxPoints: 1 << 20, fps: streamFps };
      if ($('column').value) {
        message.column = $('column').value;
      }
      socket.send(JSON.stringify(message));
    } else if (value.startsWith('network:')) {
      const message = { type: 'view', view: 'network', network: value.slice(8), fps: 10 };
      if ($('column').value) {
        message.column = $('column').value;
      }
      socket.send(JSON.stringify(message));
    } else if (value.startsWith('grid:')) {
      const [, grid, layer] = value.split(':');
      socket.send(JSON.stringify({ type: 'view', view: 'grid', grid: grid, layer: layer, fps: streamFps }));
    }
  }

  $('view').addEventListener('change', () => { columnsFor(); subscribe(); });
  $('column').addEventListener('change', subscribe);

  function text(message) {
    if (message.type === 'error') {
      say(message.error);
      return;
    }
    if (message.type !== 'status') {
      return;
    }
    $('state').textContent = message.state + (message.status && message.status.paused ? ' (paused)' : '');
    const s = message.status;
    if (s) {
      if (!speedTouched) {
        $('speed').value = s.timeScale === 0 ? 4 : Math.log10(s.timeScale);
        $('speed-text').textContent = s.timeScale === 0 ? 'max' : s.timeScale.toPrecision(2) + '\u00d7';
      }
      $('sim-time').textContent = s.simTime.toFixed(2);
      $('steps').textContent = s.step.toLocaleString();
      $('events-rate').textContent = Math.round(s.eventsPerSecond).toLocaleString();
      $('thinking').textContent = s.thinking;
      $('at-decider').textContent = s.atDecider;
      $('refused').textContent = s.refused;
    }
    decisionsPanel(message.decisions);
    if (message.stepsPerSecond !== undefined) {
      $('steps-rate').textContent = message.stepsPerSecond.toFixed(1);
    }
    if (message.error) {
      say(message.error);
    }
    if (message.columns) {
      makeCharts(message.columns);
    }
    if (message.rows && message.rows.length) {
      addRows(message.rows);
    }
    $('fps').textContent = renderer.stats.fps.toFixed(0) + ' fps, ' +
      renderer.stats.framesPerSecond.toFixed(1) + ' frames/s' +
      (renderer.stats.rasterMs === undefined ? '' : ', ' + renderer.stats.rasterMs.toFixed(1) + ' ms each') + ', ' +
      renderer.stats.points.toLocaleString() +
      [' points', ' points', ' cells', ' nodes'][renderer.stats.kind];
  }

  function decisionsPanel(d) {
    $('decisions-panel').hidden = !d;
    if (!d) {
      return;
    }
    $('decisions-summary').textContent = d.thinking + ' agents thinking, ' + d.atDecider + ' at the decider' +
      (d.errors ? ', ' + d.errors + ' errors' : '');
    $('asked').replaceChildren(...d.asked.map((q) => {
      const item = document.createElement('li');
      item.textContent = 'agent ' + q.agent + ' at t=' + q.time.toFixed(2) + ' (#' + q.id + ')';
      return item;
    }));
    $('answered').replaceChildren(...d.answered.map((a) => {
      const item = document.createElement('li');
      item.textContent = 'agent ' + a.agent + ': ' + (a.error ? 'failed: ' + a.error :
        'action ' + a.action + (a.amount ? ' ' + a.amount.toFixed(2) : '') + (a.text ? ' \u201c' + a.text +
        '\u201d' : '')) + ' (' + a.latencyMs + ' ms)';
      return item;
    }));
  }

  function resetCharts() {
    charts.forEach((c) => c.destroy());
    charts = [];
    columns = [];
    series = [];
    $('charts').replaceChildren();
  }

  function makeCharts(names) {
    resetCharts();
    columns = names;
    series = [[]].concat(names.map(() => []));
    const width = Math.max(280, Math.floor(($('charts').clientWidth - 16) / 2));
    names.slice(0, 8).forEach((name, k) => {
      const holder = document.createElement('div');
      $('charts').appendChild(holder);
      charts.push(new uPlot({
        width: width, height: 160, title: name, legend: { show: false },
        scales: { x: { time: false } },
        series: [{ label: 'step' }, { label: name, stroke: '#2563eb', width: 1.5 }]
      }, [series[0], series[k + 1]], holder));
    });
  }

  function addRows(rows) {
    for (const row of rows) {
      for (let k = 0; k < series.length; k++) {
        series[k].push(row[k]);
        if (series[k].length > MAX_CHART_POINTS) {
          series[k].shift();
        }
      }
    }
    charts.forEach((chart, k) => chart.setData([series[0], series[k + 1]]));
  }

  async function control(action, body) {
    if (run === null) {
      say('choose a run first');
      return;
    }
    try {
      await api('POST', 'runs/' + run.id + '/' + action, body || {});
      say('');
    } catch (error) {
      say(error.message);
    }
  }

  $('play').addEventListener('click', () => control('resume'));
  $('pause').addEventListener('click', () => control('pause'));
  $('step').addEventListener('click', () => control('step', { steps: 1 }));
  $('stop').addEventListener('click', () => control('stop'));

  function scaleOf(slider) {
    return Number(slider) >= 4 ? 0 : Math.pow(10, Number(slider));
  }

  $('speed').addEventListener('input', () => {
    speedTouched = true;
    const scale = scaleOf($('speed').value);
    $('speed-text').textContent = scale === 0 ? 'max' : scale.toPrecision(2) + '\u00d7';
  });
  $('speed').addEventListener('change', async () => {
    await control('speed', { timeScale: scaleOf($('speed').value) });
    speedTouched = false;
  });

  function events(list) {
    $('event').replaceChildren(...list.map((e) => new Option(e.name, e.name)));
    $('inject-button').disabled = list.length === 0;
    helpFor(list);
    $('event').onchange = () => helpFor(list);
  }

  function helpFor(list) {
    const chosen = list.find((e) => e.name === $('event').value);
    $('agent').disabled = !chosen || !chosen.agentType;
    $('value').disabled = !chosen || !chosen.argument;
    $('event-help').textContent = chosen ? chosen.description +
      (chosen.agentType ? '; agent: a ' + chosen.agentType + ' index' : '') +
      (chosen.argument ? '; value: ' + chosen.argument : '') : 'this model takes no events from outside';
  }

  $('inject').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { event: $('event').value };
    if (!$('agent').disabled && $('agent').value !== '') {
      body.agent = Number($('agent').value);
    }
    if (!$('value').disabled && $('value').value !== '') {
      body.value = Number($('value').value);
    }
    control('inject', body);
  });

  loadScenarios().catch((error) => say(error.message));
  loadRuns().then((runs) => {
    if (runs.length === 1) {
      $('runs').value = runs[0].id;
      choose(runs[0].id);
    }
  }).catch((error) => say(error.message));
  setInterval(() => loadRuns().catch(() => {}), 3000);
})();
