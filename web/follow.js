// Medius "follow the lecture": draws the lecturer's scene with three.js and follows the live
// view state the app streams (Server-Sent Events). Read-only: nothing here talks back.
'use strict';
(function () {
  const code = new URLSearchParams(location.search).get('code') || '';
  const q = code ? '?code=' + encodeURIComponent(code) : '';
  const $ = (id) => document.getElementById(id);

  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  renderer.gammaOutput = true;  // colours arrive linear, as the app's renderer takes them
  renderer.gammaFactor = 2.2;
  renderer.localClippingEnabled = true;
  renderer.setClearColor(0x1e2126);
  $('view').insertBefore(renderer.domElement, $('view').firstChild);
  const scene = new THREE.Scene();
  scene.add(new THREE.HemisphereLight(0xffffff, 0x404040, 0.75));
  const key = new THREE.DirectionalLight(0xffffff, 0.7);
  scene.add(key);
  const camera = new THREE.PerspectiveCamera(35, 1, 1, 10000);
  scene.add(camera);
  const controls = new THREE.OrbitControls(camera, renderer.domElement);
  controls.enableDamping = false;

  let state = null;        // the lecturer's view, as last received
  let seq = 0;
  let meshes = {};         // structure id -> mesh
  let sceneRevision = -1;
  let following = true;
  let patient = false;
  let painGroup = new THREE.Group();
  scene.add(painGroup);

  // The app's orbit camera: yaw 0 looks from +X, pitch above the transverse plane.
  function eyeOf(c) {
    const cp = Math.cos(c.pitch);
    return new THREE.Vector3(c.target[0] + cp * Math.cos(c.yaw) * c.distance,
                             c.target[1] + Math.sin(c.pitch) * c.distance,
                             c.target[2] + cp * Math.sin(c.yaw) * c.distance);
  }
  const viewEl = $('view');
  function applyCamera() {
    const w = viewEl.clientWidth, h = viewEl.clientHeight;
    camera.aspect = w / Math.max(h, 1);
    if (state && following) {
      const c = state.camera;
      // Same framing: on a narrower screen than the lecturer's, keep the width in view.
      let fov = c.fovY;
      if (camera.aspect < c.aspect) fov = 2 * Math.atan(Math.tan(c.fovY / 2) * c.aspect / camera.aspect);
      camera.fov = fov * 180 / Math.PI;
      camera.position.copy(eyeOf(c));
      camera.up.set(0, 1, 0);
      controls.target.set(c.target[0], c.target[1], c.target[2]);
      camera.lookAt(controls.target);
      camera.near = Math.max(0.5, c.distance * 0.02);
      camera.far = c.distance * 20 + 2000;
    }
    camera.updateProjectionMatrix();
    key.position.copy(camera.position);
  }

  function applyStructures() {
    if (!state) return;
    const plane = state.section ? [new THREE.Plane(new THREE.Vector3(state.section[0], state.section[1],
                                                   state.section[2]), state.section[3])] : [];
    for (const s of state.structures) {
      const mesh = meshes[s.id];
      if (!mesh) continue;
      mesh.visible = !!s.v && s.o > 0.001;
      const m = mesh.material;
      m.color.setRGB(s.c[0], s.c[1], s.c[2]);
      m.emissive.setRGB(s.h ? s.c[0] * 0.25 : 0, s.h ? s.c[1] * 0.25 : 0, s.h ? s.c[2] * 0.25 : 0);
      m.opacity = s.o;
      m.transparent = s.o < 0.999;
      m.depthWrite = !m.transparent;
      m.clippingPlanes = plane;
      m.clipShadows = true;
      m.needsUpdate = true;
    }
  }

  // Pain zones: soft translucent capsules along the skin (the app paints them on it, referred
  // pain hatched; the page approximates with capsules in the key's colours).
  function applyPain() {
    scene.remove(painGroup);
    painGroup = new THREE.Group();
    for (const p of (state && state.pain) || []) {
      const a = new THREE.Vector3().fromArray(p.a), b = new THREE.Vector3().fromArray(p.b);
      const colour = p.referred ? 0xf0d020 : 0xe02828;  // as the app's key: referred yellow, felt red
      const mat = new THREE.MeshBasicMaterial({ color: colour, transparent: true,
                                                opacity: 0.35 * p.k, depthWrite: false });
      const len = a.distanceTo(b);
      for (const end of [a, b]) {
        const ball = new THREE.Mesh(new THREE.SphereBufferGeometry(p.r * 0.6, 16, 12), mat);
        ball.position.copy(end);
        painGroup.add(ball);
      }
      if (len > 0.1) {
        const tube = new THREE.Mesh(new THREE.CylinderBufferGeometry(p.r * 0.6, p.r * 0.6, len, 16, 1, true), mat);
        tube.position.copy(a).add(b).multiplyScalar(0.5);
        tube.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), b.clone().sub(a).normalize());
        painGroup.add(tube);
      }
    }
    scene.add(painGroup);
  }

  function nameOf(s) { return patient && s.plain ? s.plain : s.name; }

  function applyPanel() {
    if (!state) return;
    const c = state.condition;
    $('condition').textContent = c.id ? c.name : 'Anatomy';
    $('summary').textContent = c.id ? (patient && c.plain ? c.plain : c.summary) : '';
    $('roles').innerHTML = '';
    for (const r of c.roles || []) {
      const span = document.createElement('span');
      span.className = 'role';
      const sw = document.createElement('span');
      sw.className = 'swatch';
      const g = (v) => Math.round(255 * Math.pow(Math.min(Math.max(v, 0), 1), 1 / 2.2));
      sw.style.background = 'rgb(' + g(r.colour[0]) + ',' + g(r.colour[1]) + ',' + g(r.colour[2]) + ')';
      span.appendChild(sw);
      span.appendChild(document.createTextNode(patient ? r.plain : r.label));
      $('roles').appendChild(span);
    }
    const t = state.tour;
    $('caption').textContent = t ? 'Step ' + t.step + ' of ' + t.steps + ': ' + t.caption : '';
  }

  function centreOf(id) {
    const mesh = meshes[id];
    if (!mesh) return null;
    if (!mesh.geometry.boundingBox) mesh.geometry.computeBoundingBox();
    return mesh.geometry.boundingBox.getCenter(new THREE.Vector3()).applyMatrix4(mesh.matrixWorld);
  }

  function drawOverlays() {
    const box = $('labels');
    box.innerHTML = '';
    if (!state) return;
    const w = viewEl.clientWidth, h = viewEl.clientHeight;
    const placed = [];
    const place = (text, at) => {
      const p = at.clone().project(camera);
      if (p.z > 1 || Math.abs(p.x) > 1 || Math.abs(p.y) > 1) return;
      const div = document.createElement('div');
      div.className = 'label';
      div.textContent = text;
      box.appendChild(div);
      // Labels never cover each other: a label that would is moved down below the one it hits.
      const bw = div.offsetWidth, bh = div.offsetHeight;
      let x = (p.x * 0.5 + 0.5) * w - bw / 2, y = (0.5 - p.y * 0.5) * h - bh * 1.2;
      for (let moved = true, n = 0; moved && n < 50; ++n) {
        moved = false;
        for (const r of placed)
          if (x < r.x + r.w && r.x < x + bw && y < r.y + r.h && r.y < y + bh) { y = r.y + r.h + 2; moved = true; }
      }
      x = Math.min(Math.max(x, 2), w - bw - 2);
      placed.push({ x: x, y: y, w: bw, h: bh });
      div.style.left = x + 'px';
      div.style.top = y + 'px';
    };
    const byId = {};
    for (const s of state.structures) byId[s.id] = s;
    for (const id of state.labels || []) {
      const at = centreOf(id);
      if (at && byId[id] && meshes[id].visible) place(nameOf(byId[id]), at);
    }
    for (const n of (state.annotations && state.annotations.notes) || [])
      place('"' + n.text + '"', new THREE.Vector3().fromArray(n.at));
    // Strokes are drawn over the lecturer's view: shown only while following it.
    const svg = $('strokes');
    svg.innerHTML = '';
    if (following)
      for (const stroke of (state.annotations && state.annotations.strokes) || []) {
        const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
        line.setAttribute('points', stroke.map((p) => (p[0] * w) + ',' + (p[1] * h)).join(' '));
        line.setAttribute('fill', 'none');
        line.setAttribute('stroke', '#ffdd33');
        line.setAttribute('stroke-width', '3');
        svg.appendChild(line);
      }
  }

  // The page's state for tests and for the curious: what it shows right now.
  function report() {
    const c = state ? state.camera : null;
    $('state').textContent = JSON.stringify({
      seq: seq, rendered: seq, loaded: Object.keys(meshes).length, following: following,
      condition: state ? state.condition.id : '', tourStep: state && state.tour ? state.tour.step : 0,
      camera: c ? { target: c.target, distance: c.distance, yaw: c.yaw, pitch: c.pitch } : null,
      eye: camera.position.toArray(), selected: state ? state.selected : ''
    });
  }

  let dirty = true;
  function frame() {
    requestAnimationFrame(frame);
    if (!dirty) return;
    dirty = false;
    applyCamera();
    renderer.render(scene, camera);
    drawOverlays();
    report();
  }
  function resize() {
    renderer.setSize(viewEl.clientWidth, viewEl.clientHeight);
    dirty = true;
  }
  window.addEventListener('resize', resize);
  resize();
  requestAnimationFrame(frame);

  function loadScene(revision) {
    if (revision === sceneRevision) return;
    sceneRevision = revision;
    new THREE.GLTFLoader().load('scene.glb' + q + (q ? '&' : '?') + 'rev=' + revision, (gltf) => {
      for (const id in meshes) meshes[id].parent.remove(meshes[id]);
      meshes = {};
      gltf.scene.traverse((o) => {
        if (!o.isMesh) return;
        const id = o.name || (o.parent && o.parent.name);
        o.material = new THREE.MeshPhongMaterial({ color: 0x999999, shininess: 12, side: THREE.DoubleSide });
        meshes[id] = o;
      });
      // Nodes are named by structure id; a mesh may carry its node's name with a suffix.
      for (const id of Object.keys(meshes)) {
        const clean = id.replace(/_\d+$/, '');
        if (!(clean in meshes)) meshes[clean] = meshes[id];
      }
      scene.add(gltf.scene);
      gltf.scene.updateMatrixWorld(true);
      applyStructures();
      dirty = true;
    }, undefined, () => { $('status').textContent = 'Could not load the model.'; });
  }

  function receive(msg) {
    if (msg.full || !state) {
      state = msg;
    } else {
      for (const k of Object.keys(msg)) {
        if (k === 'changed') for (const ch of msg.changed) Object.assign(state.structures[ch.i], ch);
        else if (k !== 'seq' && k !== 't') state[k] = msg[k];
      }
    }
    seq = msg.seq;
    if (msg.audience && !userChosePatient) { patient = state.audience === 'patient'; $('patient').checked = patient; }
    loadScene(state.scene);
    applyStructures();
    if (msg.full || msg.pain) applyPain();
    applyPanel();
    dirty = true;
  }

  let userChosePatient = false;
  function connect() {
    const events = new EventSource('events' + q);
    events.onopen = () => { $('status').textContent = 'Following the lecture'; };
    events.onmessage = (e) => { receive(JSON.parse(e.data)); };
    events.onerror = () => { $('status').textContent = 'Reconnecting...'; };
  }
  connect();

  controls.addEventListener('start', () => { following = false; $('follow').checked = false; });
  controls.addEventListener('change', () => { dirty = true; });
  $('follow').addEventListener('change', (e) => { following = e.target.checked; dirty = true; });
  $('patient').addEventListener('change', (e) => {
    userChosePatient = true;
    patient = e.target.checked;
    applyPanel();
    dirty = true;
  });

  // A tap (not a drag) names the structure under it.
  let down = null;
  renderer.domElement.addEventListener('pointerdown', (e) => { down = [e.clientX, e.clientY]; });
  renderer.domElement.addEventListener('pointerup', (e) => {
    if (!down || Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 6 || !state) return;
    const box = renderer.domElement.getBoundingClientRect();
    const ndc = new THREE.Vector2((e.clientX - box.left) / box.width * 2 - 1, 1 - (e.clientY - box.top) / box.height * 2);
    const ray = new THREE.Raycaster();
    ray.setFromCamera(ndc, camera);
    const shown = Object.values(meshes).filter((m) => m.visible && m.material.opacity > 0.3);
    const hit = ray.intersectObjects(shown, false)[0];
    const s = hit && state.structures.find((x) => meshes[x.id] === hit.object);
    $('picked').textContent = s ? nameOf(s) : 'Nothing there: tap a structure.';
  });
})();
