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
  let pickedId = '';       // the structure a student tapped last

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
      if (s.canvas && !m.userData.paint) paintSkin(m);
      m.color.setRGB(s.c[0], s.c[1], s.c[2]);
      m.emissive.setRGB(s.h ? s.c[0] * 0.25 : 0, s.h ? s.c[1] * 0.25 : 0, s.h ? s.c[2] * 0.25 : 0);
      m.opacity = s.o;
      // Paint is never fully opaque (a highlighted structure under it still shows).
      m.transparent = s.o < 0.999 || (!!s.canvas && zoneCount > 0);
      m.depthWrite = !m.transparent;
      m.clippingPlanes = plane;
      m.clipShadows = true;
      m.needsUpdate = true;
    }
  }

  // Pain zones are painted on the skin as the app paints them (shaders/mesh.frag.glsl, its
  // uPaintCanvas block): per zone segment a..b of radius r and intensity k, full strength in
  // the inner 55% of the radius fading to nothing at the edge; referred pain hatched by
  // diagonal bands 9 mm apart fixed on the body. The glTF's vertices and the zones are both in
  // the pelvic frame (no node transforms), so the world position is all the shader needs.
  // Only the skin's material is patched, and its zone arrays are sized to the condition's
  // zones (recompiled when that count changes), so other meshes and phones pay nothing more.
  const paint = {
    uZoneA: { value: [] },  // xyz: segment start (mm), w: radius (mm)
    uZoneB: { value: [] },  // xyz: segment end, w: intensity, negative when referred
    uLocalPainColour: { value: new THREE.Color() },
    uReferredPainColour: { value: new THREE.Color() }
  };
  let zoneCount = 0;
  const paintPars = [
    'varying vec3 vPainWorld;',
    '#if PAIN_ZONES > 0',
    'uniform vec4 uZoneA[PAIN_ZONES];',
    'uniform vec4 uZoneB[PAIN_ZONES];',
    'uniform vec3 uLocalPainColour;',
    'uniform vec3 uReferredPainColour;',
    'float painSegmentDistance(vec3 p, vec3 a, vec3 b) {',
    '  vec3 ab = b - a;',
    '  float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);',
    '  return length(p - (a + ab * t));',
    '}',
    '#endif', ''].join('\n');
  const paintMain = [
    '#if PAIN_ZONES > 0',
    '{',
    '  float local = 0.0, referred = 0.0;',
    '  for (int i = 0; i < PAIN_ZONES; ++i) {',
    '    float d = painSegmentDistance(vPainWorld, uZoneA[i].xyz, uZoneB[i].xyz);',
    '    float r = uZoneA[i].w;',
    '    float w = abs(uZoneB[i].w) * (1.0 - smoothstep(0.55 * r, r, d));',
    '    if (uZoneB[i].w < 0.0) referred = max(referred, w); else local = max(local, w);',
    '  }',
    '  float band = step(0.5, fract(dot(vPainWorld, vec3(0.577)) / 9.0));',
    '  float referredShown = referred * mix(0.45, 1.0, band);',
    '  float painted = max(local, referredShown);',
    '  vec3 painColour = local >= referredShown ? uLocalPainColour : uReferredPainColour;',
    '  diffuseColor.rgb = mix(diffuseColor.rgb, painColour, clamp(painted * 1.15, 0.0, 1.0));',
    '  diffuseColor.a = mix(diffuseColor.a, 0.72, clamp(painted * 1.3, 0.0, 1.0));',
    '}',
    '#endif', ''].join('\n');
  function paintSkin(material) {
    material.userData.paint = true;
    material.defines = { PAIN_ZONES: zoneCount };
    material.onBeforeCompile = (shader) => {
      Object.assign(shader.uniforms, paint);
      shader.vertexShader = 'varying vec3 vPainWorld;\n' + shader.vertexShader.replace('#include <project_vertex>',
        '#include <project_vertex>\n\tvPainWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;');
      shader.fragmentShader = paintPars + shader.fragmentShader.replace('#include <color_fragment>',
        '#include <color_fragment>\n' + paintMain);
    };
  }

  function applyPain() {
    const zones = (state && state.pain) || [];
    paint.uZoneA.value = zones.map((p) => new THREE.Vector4(p.a[0], p.a[1], p.a[2], p.r));
    paint.uZoneB.value = zones.map((p) => new THREE.Vector4(p.b[0], p.b[1], p.b[2], p.referred ? -p.k : p.k));
    const key = state && state.painColours;
    if (key) {
      paint.uLocalPainColour.value.setRGB(key.local[0], key.local[1], key.local[2]);
      paint.uReferredPainColour.value.setRGB(key.referred[0], key.referred[1], key.referred[2]);
    }
    zoneCount = zones.length;
    for (const id in meshes) {
      const m = meshes[id].material;
      if (m.userData.paint && m.defines.PAIN_ZONES !== zoneCount) {
        m.defines.PAIN_ZONES = zoneCount;
        m.needsUpdate = true;
      }
    }
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
      eye: camera.position.toArray(), selected: state ? state.selected : '', picked: pickedId,
      patient: patient
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
    if (msg.full || msg.pain || msg.painColours) applyPain();
    applyStructures();
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

  // Turning the model (a drag, a pinch, the wheel) lets go of the lecturer; a tap does not:
  // OrbitControls starts on every press but changes the camera only when it moves.
  let turning = false;
  controls.addEventListener('start', () => { turning = true; });
  controls.addEventListener('end', () => { turning = false; });
  controls.addEventListener('change', () => {
    if (turning && following) { following = false; $('follow').checked = false; }
    dirty = true;
  });
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
    pickedId = s ? s.id : '';
    $('picked').textContent = s ? nameOf(s) : 'Nothing there: tap a structure.';
    dirty = true;
  });
})();
