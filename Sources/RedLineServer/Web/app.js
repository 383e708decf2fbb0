// RedLine web app: an offline single page served by `redline serve`.
// It draws the zoning on an SVG map with its own projection, lets the user draw or upload a footprint,
// posts it to /v1/screen and shows the verdict, the findings and the control units' access lists.
// No libraries and no network access beyond the page's own origin.
'use strict';

// ---------------------------------------------------------------------------------------------------------------
// Labels. Every visible string in both languages; data from the server (zone names, rule texts) is bilingual itself.

const I18N = {
  zh: {
    title: 'RedLine 生态环境分区管控研判', language: '语言',
    illustrative_tag: '示意数据', illustrative_text: '本数据集中的红线和保护区边界为示意性绘制，不是官方数据',
    map_label: '生态环境分区地图', draw_title: '绘制', draw_polygon: '多边形', draw_line: '线', draw_point: '点',
    draw_finish: '完成', draw_clear: '清除', zoom_in: '放大', zoom_out: '缩小', zoom_extent: '全图',
    hint_polygon: '单击地图添加顶点；双击或点击“完成”结束；Esc 取消。拖动可平移地图。',
    hint_line: '单击地图添加折点；双击或点击“完成”结束；Esc 取消。拖动可平移地图。',
    hint_point: '单击地图放置点位；Esc 取消。',
    too_few_polygon: '多边形至少需要 3 个顶点。', too_few_line: '线至少需要 2 个折点。',
    legend: '图例', legend_footprint: '项目范围', loading_zones: '正在加载分区…',
    sec_footprint: '项目范围', footprint_help: '在地图上绘制，或上传文件；二者择一，以最近一次操作为准。',
    upload_label: '上传范围文件', no_file: '未选择文件',
    upload_hint: '支持 GeoJSON（.geojson/.json）、界址点坐标（.txt）、KML/KMZ、GeoPackage（.gpkg）；Shapefile 请将 .shp、.shx、.dbf、.prj 打包为一个 .zip 上传。',
    input_none: '尚未提供项目范围。', input_drawn: '将研判：地图上绘制的{geom}', input_file: '将研判：文件 {name}',
    geom_Polygon: '多边形', geom_LineString: '线', geom_Point: '点',
    sec_project: '项目信息', category: '项目类别', choose_category: '请选择…', action: '建设性质',
    action_new: '新建', action_rebuild: '改建', action_expand: '扩建', action_operate: '运营',
    discharges: '向水体排放', unstated: '未说明', yes: '是', no: '否',
    crossing: '穿越方式（线性工程）', crossing_surface: '地面', crossing_tunnel: '隧道', crossing_bridge: '桥梁', crossing_aerial: '架空',
    datum: '上传文件坐标系', datum_wgs84: 'WGS 84 / CGCS2000（GPS、天地图）', datum_gcj02: 'GCJ-02（高德/腾讯）', datum_bd09: 'BD-09（百度）',
    datum_hint: '坐标系仅用于上传的文件；地图上绘制的范围始终为 WGS 84 经纬度。',
    national_major: '国家重大项目',
    screen: '研判', screening: '研判中…', drawn_name: '地图绘制的项目范围',
    need_input: '请先在地图上绘制项目范围或上传文件。', need_category: '请选择项目类别。',
    empty_result: '绘制或上传项目范围并选择项目类别，然后点击“研判”。', result: '研判结果',
    verdict_label: '研判结论',
    verdict_prohibited: '禁止', verdict_prohibited_sub: '项目范围涉及禁止此类项目的区域。',
    verdict_restricted: '限制', verdict_restricted_sub: '仅在取得下列专项审批或论证后方可合法建设。',
    verdict_conditional: '有条件允许', verdict_conditional_sub: '须满足环评、准入清单或设计措施等条件。',
    verdict_clear: '无冲突', verdict_clear_sub: '未发现与所载分区的冲突。',
    approvals: '须取得的审批 / 论证', p_project: '项目', p_category: '类别', p_action: '性质', p_area: '面积',
    p_length: '长度', p_geometry: '几何类型', p_districts: '所在区县', p_as_of: '法规截至',
    area_units: '{m2} m² / {ha} 公顷 / {mu} 亩', metres: '{n} m',
    downloads: '下载报告', findings: '涉及区域', no_findings: '项目范围未涉及任何分区。',
    col_zone: '区域', col_relation: '关系', col_overlap: '重叠 / 距离', col_outcome: '结论', col_explanation: '规则说明',
    relation_inside: '位于其内', relation_partly_inside: '部分位于', relation_touches: '边界相接', relation_nearby: '邻近',
    outcome_prohibited: '禁止', outcome_restricted: '限制', outcome_conditional: '有条件允许', outcome_allowed: '允许', outcome_no_rule: '无规定',
    share: '占项目 {p}', points_inside: '{n} 个点位于其内', distance: '相距 {d}', within: '提示距离 {d}',
    approvals_needed: '须：{codes}', bases_short: '法律依据（{n}）',
    access_list: '生态环境准入清单（逐条对照）', access_missing: '数据未附本单元的生态环境准入清单：须向生态环境部门取得省、市、县三级清单并逐条对照（法典第六十七条）。',
    tier: '［{t}级］', source: '来源：{s}',
    nearest: '附近区域（5 km 内）', notes: '说明', not_checked: '本规则集未能核查的事项', bases: '法律依据',
    basis_status_superseded: '已被替代', basis_status_repealed: '已废止', basis_status_expired: '已失效', basis_status_not_yet_in_force: '尚未施行',
    err_network: '无法连接服务器：{msg}', err_status: '服务器返回错误 {status}。',
    dataset: '数据集 {name} {version}', ruleset: '规则集 {version}',
    kind_footprint: '项目范围',
  },
  en: {
    title: 'RedLine zoning screening', language: 'Language',
    illustrative_tag: 'Illustrative data', illustrative_text: 'red-line and protection-zone boundaries in this dataset are drawn for illustration, not official',
    map_label: 'Zoning map', draw_title: 'Draw', draw_polygon: 'Polygon', draw_line: 'Line', draw_point: 'Point',
    draw_finish: 'Finish', draw_clear: 'Clear', zoom_in: 'Zoom in', zoom_out: 'Zoom out', zoom_extent: 'Full extent',
    hint_polygon: 'Click to add vertices; double-click or Finish to end; Esc cancels. Drag to pan.',
    hint_line: 'Click to add vertices; double-click or Finish to end; Esc cancels. Drag to pan.',
    hint_point: 'Click the map to place the point; Esc cancels.',
    too_few_polygon: 'A polygon needs at least 3 vertices.', too_few_line: 'A line needs at least 2 vertices.',
    legend: 'Legend', legend_footprint: 'Project footprint', loading_zones: 'Loading zones…',
    sec_footprint: 'Footprint', footprint_help: 'Draw on the map or upload a file: the most recent one is screened.',
    upload_label: 'Upload a footprint file', no_file: 'No file chosen',
    upload_hint: 'GeoJSON (.geojson/.json), boundary-point list 界址点 (.txt), KML/KMZ, GeoPackage (.gpkg). Send a Shapefile as one .zip holding the .shp, .shx, .dbf and .prj.',
    input_none: 'No footprint yet.', input_drawn: 'To screen: the {geom} drawn on the map', input_file: 'To screen: file {name}',
    geom_Polygon: 'polygon', geom_LineString: 'line', geom_Point: 'point',
    sec_project: 'Project', category: 'Category', choose_category: 'Choose…', action: 'Action',
    action_new: 'New', action_rebuild: 'Rebuild', action_expand: 'Expand', action_operate: 'Operate',
    discharges: 'Discharges to water', unstated: 'Unstated', yes: 'Yes', no: 'No',
    crossing: 'Crossing (linear projects)', crossing_surface: 'Surface', crossing_tunnel: 'Tunnel', crossing_bridge: 'Bridge', crossing_aerial: 'Aerial',
    datum: 'Datum of uploaded file', datum_wgs84: 'WGS 84 / CGCS2000 (GPS, 天地图)', datum_gcj02: 'GCJ-02 (高德/腾讯)', datum_bd09: 'BD-09 (百度)',
    datum_hint: 'The datum applies to uploaded files; shapes drawn on the map are always WGS 84 lon/lat.',
    national_major: 'National major project',
    screen: 'Screen', screening: 'Screening…', drawn_name: 'Footprint drawn on the map',
    need_input: 'Draw a footprint on the map or upload a file first.', need_category: 'Choose the project category.',
    empty_result: 'Draw or upload a footprint, choose the category, then press Screen.', result: 'Result',
    verdict_label: 'Verdict',
    verdict_prohibited: 'Prohibited', verdict_prohibited_sub: 'A zone in the footprint forbids this kind of project.',
    verdict_restricted: 'Restricted', verdict_restricted_sub: 'Lawful only with the approvals listed below.',
    verdict_conditional: 'Conditional', verdict_conditional_sub: 'Lawful subject to conditions (EIA, access list, design measures).',
    verdict_clear: 'Clear', verdict_clear_sub: 'No conflict with the zones in the data.',
    approvals: 'Approvals required', p_project: 'Project', p_category: 'Category', p_action: 'Action', p_area: 'Area',
    p_length: 'Length', p_geometry: 'Geometry', p_districts: 'Districts', p_as_of: 'Law as of',
    area_units: '{m2} m² / {ha} ha / {mu} mu', metres: '{n} m',
    downloads: 'Download report', findings: 'Findings', no_findings: 'The footprint meets no zone.',
    col_zone: 'Zone', col_relation: 'Relation', col_overlap: 'Overlap / distance', col_outcome: 'Outcome', col_explanation: 'Rule',
    relation_inside: 'inside', relation_partly_inside: 'partly inside', relation_touches: 'touches boundary', relation_nearby: 'nearby',
    outcome_prohibited: 'Prohibited', outcome_restricted: 'Restricted', outcome_conditional: 'Conditional', outcome_allowed: 'Allowed', outcome_no_rule: 'No rule',
    share: '{p} of footprint', points_inside: '{n} point(s) inside', distance: '{d} away', within: 'flag distance {d}',
    approvals_needed: 'Needs: {codes}', bases_short: 'Legal bases ({n})',
    access_list: 'Environmental access lists (clause by clause)', access_missing: 'The data carries no access list for this unit: obtain the provincial, city and county lists from the ecology-environment authority and check the project clause by clause (Code Art. 67).',
    tier: '[{t}] ', source: 'Source: {s}',
    nearest: 'Nearest zones (within 5 km)', notes: 'Notes', not_checked: 'Not checked by this ruleset', bases: 'Legal bases',
    basis_status_superseded: 'superseded', basis_status_repealed: 'repealed', basis_status_expired: 'expired', basis_status_not_yet_in_force: 'not yet in force',
    err_network: 'Cannot reach the server: {msg}', err_status: 'The server answered with error {status}.',
    dataset: 'Dataset {name} {version}', ruleset: 'Ruleset {version}',
    kind_footprint: 'Project footprint',
  },
};

// The four dimensions of an access list (准入清单); Chinese comes with the data (dimension_zh).
const DIMENSIONS_EN = {
  spatial_layout: 'Spatial layout constraints', pollutant_discharge: 'Pollutant discharge control',
  pollutant_emission: 'Pollutant emission control', environmental_risk: 'Environmental risk prevention',
  resource_efficiency: 'Resource use efficiency',
};
const DIMENSION_ORDER = ['spatial_layout', 'pollutant_discharge', 'pollutant_emission', 'environmental_risk', 'resource_efficiency'];

// Drawing order, bottom to top: control units are the faint background, red lines lie on top. Kinds not listed go
// just above the district outlines.
const DRAW_ORDER = ['control_unit', 'admin_district', 'urban_development_boundary', 'permanent_farmland', 'fuel_ban_zone',
  'permanent_eco_area', 'livestock_nogo', 'geo_park', 'forest_park', 'wetland_park', 'scenic_area', 'water_source',
  'nature_reserve', 'ecological_redline'];
const FALLBACK_COLOURS = { fill: '#9e9e9e', stroke: '#616161' };

const state = {
  lang: 'zh',
  dataset: null,
  rules: null,
  kinds: new Map(),       // kind code → {zh, en, fill, stroke, levels: [{code, zh, en}]} from /v1/rules
  zones: [],              // features of the last /v1/zones answer
  zonesAbort: null,
  input: null,            // {type: 'drawn', geometry} or {type: 'file', file}: what the next screening sends
  footprint: null,        // geometry shown in bold on the map
  draw: null,             // {mode, vertices: [[lon, lat]], hover, lastAdd}
  report: null,           // last JSON report
  screened: null,         // the request snapshot of the last screening, reused by the downloads
  busy: false,
};

const $ = (id) => document.getElementById(id);

function t(key, vars) {
  let text = I18N[state.lang][key] ?? I18N.zh[key] ?? key;
  for (const [name, value] of Object.entries(vars || {})) text = text.replace(`{${name}}`, value);
  return text;
}

// Picks the language's member of a {zh, en} object, or the other one when it is missing.
function pick(text) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[state.lang] || text.zh || text.en || '';
}

// Creates an element; text children become text nodes, so server data is never parsed as HTML.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (name === 'class') node.className = value; else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === '') continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function escapeXML(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function formatNumber(value, digits) {
  return Number(value).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });
}

function formatMetres(value) {
  return t('metres', { n: formatNumber(value, value >= 100 ? 0 : 1) });
}

// The server's English kind names are lower case (they run inside sentences); as labels they start capitalised.
function kindLabel(kind) {
  const entry = state.kinds.get(kind);
  const label = entry ? pick(entry) : kind || '';
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function levelLabel(kind, level) {
  if (level == null || level === '') return '';
  const levels = (state.kinds.get(kind) || {}).levels || [];
  const entry = levels.find((candidate) => candidate.code === String(level));
  return entry ? pick(entry) : String(level);
}

function zoneName(zone) {
  if (!zone) return '';
  return state.lang === 'en' && zone.name_en ? zone.name_en : zone.name || zone.id || '';
}

// ---------------------------------------------------------------------------------------------------------------
// Server access. Every non-2xx answer carries {"error": {"message"}}; that message is what the user sees.

class ApiError extends Error {}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return body.error.message;
  } catch (_) { /* not JSON: fall through to the status */ }
  return t('err_status', { status: response.status });
}

async function request(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(t('err_network', { msg: error.message }));
  }
  if (!response.ok) throw new ApiError(await errorMessage(response));
  return response;
}

async function getJSON(url, options) {
  return (await request(url, options)).json();
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
}

function hideError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

// ---------------------------------------------------------------------------------------------------------------
// Map projection. Plain equirectangular with x scaled by cos(latitude) of the dataset's centre, which is faithful
// enough at county scale. "World" units are 1e-5 degree of latitude (about 1.1 m) measured from that centre, so
// numbers in path data stay small and precise; the zones group is then placed on screen with one transform, which
// makes panning and zooming cheap until the re-fetch arrives.

const WORLD_PER_DEGREE = 1e5;
const projection = { lon0: 116.4, lat0: 39.9, cos: Math.cos(39.9 * Math.PI / 180) };
const view = { z: 0.01, tx: 0, ty: 0, width: 800, height: 600 }; // screen = world * z + t

function setProjectionCentre(bbox) {
  projection.lon0 = (bbox[0] + bbox[2]) / 2;
  projection.lat0 = (bbox[1] + bbox[3]) / 2;
  projection.cos = Math.cos(projection.lat0 * Math.PI / 180);
}

function toWorld(lon, lat) {
  return [(lon - projection.lon0) * projection.cos * WORLD_PER_DEGREE, (projection.lat0 - lat) * WORLD_PER_DEGREE];
}

function toScreen(lon, lat) {
  const [x, y] = toWorld(lon, lat);
  return [x * view.z + view.tx, y * view.z + view.ty];
}

function fromScreen(sx, sy) {
  const x = (sx - view.tx) / view.z, y = (sy - view.ty) / view.z;
  return [x / (projection.cos * WORLD_PER_DEGREE) + projection.lon0, projection.lat0 - y / WORLD_PER_DEGREE];
}

function viewBBox(margin) {
  const mx = view.width * margin, my = view.height * margin;
  const [west, north] = fromScreen(-mx, -my);
  const [east, south] = fromScreen(view.width + mx, view.height + my);
  return [west, south, east, north];
}

// Shows the box; minSpan (world units, ~1.1 m each) keeps some surroundings in view around a small site.
function fitBounds(bbox, padding, minSpan = 50) {
  const [x0, y1] = toWorld(bbox[0], bbox[1]);
  const [x1, y0] = toWorld(bbox[2], bbox[3]);
  const w = Math.max(x1 - x0, minSpan), h = Math.max(y1 - y0, minSpan);
  const z = Math.min((view.width - 2 * padding) / w, (view.height - 2 * padding) / h);
  setView(z, view.width / 2 - ((x0 + x1) / 2) * z, view.height / 2 - ((y0 + y1) / 2) * z);
}

const MIN_Z = 1e-4, MAX_Z = 4;

function setView(z, tx, ty) {
  view.z = Math.min(MAX_Z, Math.max(MIN_Z, z));
  // Keep the requested centre when the zoom was clamped.
  const k = view.z / z;
  view.tx = view.width / 2 - (view.width / 2 - tx) * k;
  view.ty = view.height / 2 - (view.height / 2 - ty) * k;
  scheduleRender();
  scheduleZonesFetch();
}

function zoomAt(factor, sx, sy) {
  const z = Math.min(MAX_Z, Math.max(MIN_Z, view.z * factor));
  const k = z / view.z;
  setView(z, sx - (sx - view.tx) * k, sy - (sy - view.ty) * k);
}

// Rendering on the next frame coalesces the many pointer and wheel events of one gesture.
let renderPending = false;
function scheduleRender() {
  if (renderPending) return;
  renderPending = true;
  requestAnimationFrame(() => {
    renderPending = false;
    $('zones-layer').setAttribute('transform', `matrix(${view.z} 0 0 ${view.z} ${view.tx} ${view.ty})`);
    renderOverlay();
    renderScaleBar();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Zones: fetched for the visible area plus a margin, so a pan shows zones at once while the next answer is on its
// way; one <path> per feature.

let zonesTimer = 0;
function scheduleZonesFetch() {
  clearTimeout(zonesTimer);
  zonesTimer = setTimeout(fetchZones, 250);
}

async function fetchZones() {
  if (!state.dataset) return;
  if (state.zonesAbort) state.zonesAbort.abort(); // only the latest view matters
  const controller = new AbortController();
  state.zonesAbort = controller;
  const margin = 0.25;
  // The server refuses boxes beyond ±180/±90 and widths outside 16–16384 px.
  const [w, s, e, n] = viewBBox(margin);
  const bbox = [Math.max(w, -180), Math.max(s, -90), Math.min(e, 180), Math.min(n, 90)].map((v) => v.toFixed(6)).join(',');
  const width = Math.min(16384, Math.max(16, Math.round(view.width * (1 + 2 * margin))));
  $('map-loading').hidden = false;
  try {
    const collection = await getJSON(`v1/zones?bbox=${bbox}&width=${width}`, { signal: controller.signal });
    state.zones = Array.isArray(collection.features) ? collection.features : [];
    renderZones();
    hideZonesError();
  } catch (error) {
    if (error.name !== 'AbortError') showZonesError(error.message);
  } finally {
    if (state.zonesAbort === controller) { state.zonesAbort = null; $('map-loading').hidden = true; }
  }
}

// A failed zone fetch is shown on the map itself, so the screening's #error stays about screening.
function showZonesError(message) {
  const info = $('map-info');
  info.textContent = message;
  info.hidden = false;
  info.dataset.error = 'true';
}

function hideZonesError() {
  if ($('map-info').dataset.error) { $('map-info').hidden = true; delete $('map-info').dataset.error; }
}

function round1(v) {
  return Math.round(v * 10) / 10;
}

// Path data of a geometry through `project` (lon, lat → x, y): world units for the zones, screen pixels for the
// overlay. Rings are closed so that fill-rule evenodd punches the holes; 0.1 unit is ample precision either way.
function pathData(geometry, project) {
  if (!geometry) return '';
  const parts = [];
  const line = (coords, close) => {
    for (let i = 0; i < coords.length; i++) {
      const [x, y] = project(coords[i][0], coords[i][1]);
      parts.push((i === 0 ? 'M' : 'L') + round1(x) + ' ' + round1(y));
    }
    if (close) parts.push('Z');
  };
  const c = geometry.coordinates;
  switch (geometry.type) {
    case 'Polygon': c.forEach((ring) => line(ring, true)); break;
    case 'MultiPolygon': c.forEach((polygon) => polygon.forEach((ring) => line(ring, true))); break;
    case 'LineString': line(c, false); break;
    case 'MultiLineString': c.forEach((part) => line(part, false)); break;
    case 'GeometryCollection': (geometry.geometries || []).forEach((g) => parts.push(pathData(g, project))); break;
    default: break; // points have no outline; the overlay marks them with circles
  }
  return parts.join('');
}

function kindColours(kind) {
  return state.kinds.get(kind) || FALLBACK_COLOURS;
}

function drawRank(kind) {
  const i = DRAW_ORDER.indexOf(kind);
  return i >= 0 ? i : 1.5;
}

// Builds the whole layer as one string: far faster than thousands of createElementNS calls.
function renderZones() {
  const byKind = new Map();
  state.zones.forEach((feature, index) => {
    const kind = (feature.properties || {}).kind || 'unknown';
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind).push(index);
  });
  const kinds = [...byKind.keys()].sort((a, b) => drawRank(a) - drawRank(b));
  const groups = kinds.map((kind) => {
    const { fill, stroke } = kindColours(kind);
    const outline = kind === 'admin_district' || fill === 'none';
    const opacity = kind === 'control_unit' ? 0.12 : 0.35;
    const paths = byKind.get(kind).map((index) => {
      const feature = state.zones[index];
      const p = feature.properties || {};
      const title = [zoneName(p), kindLabel(kind), levelLabel(kind, p.level)].filter(Boolean).join(' · ');
      return `<path data-i="${index}" d="${pathData(feature.geometry, toWorld)}"><title>${escapeXML(title)}</title></path>`;
    });
    return `<g class="zones kind-${escapeXML(kind)}" fill="${outline ? 'none' : escapeXML(fill)}" fill-opacity="${opacity}" `
      + `fill-rule="evenodd" stroke="${escapeXML(stroke)}" stroke-width="${outline ? 1.2 : 1}" `
      + `stroke-opacity="${kind === 'control_unit' ? 0.6 : 0.9}">${paths.join('')}</g>`;
  });
  $('zones-layer').innerHTML = groups.join('');
  renderLegend(kinds);
}

function renderLegend(kinds) {
  const list = $('legend-items');
  list.replaceChildren();
  const swatch = (fill, stroke, outline) => el('span', {
    class: 'swatch' + (outline ? ' outline' : ''),
    style: `background:${outline ? 'transparent' : fill};border-color:${stroke}`,
  });
  // Top layer first, as a reader scans the map.
  [...kinds].reverse().forEach((kind) => {
    const { fill, stroke } = kindColours(kind);
    list.append(el('li', { 'data-kind': kind }, swatch(fill, stroke, fill === 'none' || kind === 'admin_district'), kindLabel(kind)));
  });
  if (state.footprint || state.draw) list.append(el('li', { class: 'footprint' }, el('span', { class: 'swatch footprint' }), t('legend_footprint')));
}

// ---------------------------------------------------------------------------------------------------------------
// Overlay in screen space: the footprint and the shape being drawn. They are small, so they are simply re-projected
// on every frame, which keeps vertex markers a constant size.

function pointsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'MultiPoint') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return (geometry.geometries || []).flatMap(pointsOf);
  return [];
}

function renderOverlay() {
  const parts = [];
  if (state.footprint) {
    const d = pathData(state.footprint, toScreen);
    const lineal = /Line/.test(state.footprint.type) ? ' lineal' : ''; // an open path must not be filled
    if (d) parts.push(`<path class="footprint-halo" d="${d}"/><path class="footprint${lineal}" d="${d}"/>`);
    for (const [lon, lat] of pointsOf(state.footprint)) {
      const [x, y] = toScreen(lon, lat);
      parts.push(`<circle class="footprint-point" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6"/>`);
    }
  }
  const draw = state.draw;
  if (draw && draw.vertices.length) {
    const pts = draw.vertices.concat(draw.hover ? [draw.hover] : []).map(([lon, lat]) => toScreen(lon, lat));
    const d = pts.map(([x, y], i) => (i ? 'L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1)).join('')
      + (draw.mode === 'polygon' && pts.length > 2 ? 'Z' : '');
    parts.push(`<path class="drawing ${draw.mode}" d="${d}"/>`);
    draw.vertices.forEach(([lon, lat]) => {
      const [x, y] = toScreen(lon, lat);
      parts.push(`<circle class="vertex" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4"/>`);
    });
  }
  $('overlay-layer').innerHTML = parts.join('');
}

// A scale bar of a round length no wider than 100 px.
function renderScaleBar() {
  const metresPerPixel = 111320 / WORLD_PER_DEGREE / view.z;
  const target = metresPerPixel * 100;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const length = [5, 2, 1].map((m) => m * magnitude).find((m) => m <= target) || magnitude;
  const pixels = length / metresPerPixel;
  $('scale-bar-line').setAttribute('d', `M2 14 V18 H${(2 + pixels).toFixed(1)} V14`);
  $('scale-bar-text').textContent = length >= 1000 ? `${length / 1000} km` : `${length} m`;
}

// ---------------------------------------------------------------------------------------------------------------
// Map interaction: drag pans, the wheel zooms about the cursor, a click without movement adds a vertex while
// drawing (or identifies a zone otherwise).

const CLICK_TOLERANCE = 4; // px a press may move and still count as a click
let press = null;

function svgPoint(event) {
  const rect = $('map').getBoundingClientRect();
  return [event.clientX - rect.left, event.clientY - rect.top];
}

function onPointerDown(event) {
  if (event.button !== 0) return;
  const [x, y] = svgPoint(event);
  press = { x, y, tx: view.tx, ty: view.ty, moved: false, target: event.target, id: event.pointerId };
  $('map').setPointerCapture(event.pointerId);
}

function onPointerMove(event) {
  const [x, y] = svgPoint(event);
  const [lon, lat] = fromScreen(x, y);
  $('cursor-coords').textContent = `${lon.toFixed(5)}°E  ${lat.toFixed(5)}°N`;
  if (state.draw) { state.draw.hover = [lon, lat]; scheduleRender(); }
  if (!press) return;
  const dx = x - press.x, dy = y - press.y;
  if (!press.moved && Math.hypot(dx, dy) > CLICK_TOLERANCE) { press.moved = true; $('map').classList.add('panning'); }
  if (press.moved) {
    view.tx = press.tx + dx;
    view.ty = press.ty + dy;
    scheduleRender();
  }
}

function onPointerUp(event) {
  if (!press) return;
  const done = press;
  press = null;
  $('map').classList.remove('panning');
  if (done.moved) { scheduleZonesFetch(); return; }
  const [x, y] = svgPoint(event);
  if (state.draw) addVertex(x, y); else identifyZone(done.target);
}

function onWheel(event) {
  event.preventDefault();
  const [x, y] = svgPoint(event);
  const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY; // lines → pixels (Firefox)
  zoomAt(Math.exp(-Math.max(-300, Math.min(300, delta)) * 0.002), x, y);
}

function onDoubleClick(event) {
  event.preventDefault();
  if (state.draw) { finishDrawing(); return; }
  const [x, y] = svgPoint(event);
  zoomAt(2, x, y);
}

function identifyZone(target) {
  const info = $('map-info');
  const index = target && target.getAttribute && target.getAttribute('data-i');
  const feature = index != null ? state.zones[Number(index)] : null;
  delete info.dataset.error;
  if (!feature) { info.hidden = true; return; }
  const p = feature.properties || {};
  info.replaceChildren(el('strong', null, zoneName(p)),
    el('span', null, [kindLabel(p.kind), levelLabel(p.kind, p.level), p.id].filter(Boolean).join(' · ')));
  info.hidden = false;
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing.

const DRAW_BUTTONS = { polygon: 'draw-polygon', line: 'draw-line', point: 'draw-point' };

function startDrawing(mode) {
  if (state.draw && state.draw.mode === mode) { cancelDrawing(); return; } // pressing the active tool again stops it
  state.draw = { mode, vertices: [], hover: null, lastAdd: 0 };
  $('map').classList.add('drawing');
  updateDrawControls();
  scheduleRender();
}

function cancelDrawing() {
  state.draw = null;
  $('map').classList.remove('drawing');
  updateDrawControls();
  scheduleRender();
}

function addVertex(x, y) {
  const draw = state.draw;
  const now = performance.now();
  const last = draw.vertices[draw.vertices.length - 1];
  // The second click of a double-click lands on the vertex just added: skip it, the dblclick finishes.
  if (last && now - draw.lastAdd < 400) {
    const [lx, ly] = toScreen(last[0], last[1]);
    if (Math.hypot(lx - x, ly - y) <= CLICK_TOLERANCE + 2) return;
  }
  // 1e-7 degree is about a centimetre: finer digits would only be noise from the pixel position.
  draw.vertices.push(fromScreen(x, y).map((v) => Math.round(v * 1e7) / 1e7));
  draw.lastAdd = now;
  if (draw.mode === 'point') { finishDrawing(); return; }
  updateDrawControls();
  scheduleRender();
}

function finishDrawing() {
  const draw = state.draw;
  if (!draw) return;
  const v = draw.vertices;
  const needed = draw.mode === 'polygon' ? 3 : draw.mode === 'line' ? 2 : 1;
  if (v.length < needed) { setDrawHint(t(draw.mode === 'polygon' ? 'too_few_polygon' : 'too_few_line')); return; }
  const geometry = draw.mode === 'polygon' ? { type: 'Polygon', coordinates: [[...v, v[0]]] }
    : draw.mode === 'line' ? { type: 'LineString', coordinates: v }
      : { type: 'Point', coordinates: v[0] };
  cancelDrawing();
  useDrawnInput(geometry);
}

function clearDrawing() {
  cancelDrawing();
  if (state.input && state.input.type === 'drawn') state.input = null;
  state.footprint = null;
  updateInputStatus();
  renderLegend(currentKinds());
  scheduleRender();
}

function currentKinds() {
  return [...new Set(state.zones.map((f) => (f.properties || {}).kind || 'unknown'))].sort((a, b) => drawRank(a) - drawRank(b));
}

function setDrawHint(text) {
  const hint = $('draw-hint');
  hint.textContent = text || '';
  hint.hidden = !text;
}

function updateDrawControls() {
  const mode = state.draw ? state.draw.mode : null;
  for (const [name, id] of Object.entries(DRAW_BUTTONS)) $(id).setAttribute('aria-pressed', String(mode === name));
  $('draw-finish').disabled = !(mode === 'polygon' || mode === 'line') || state.draw.vertices.length === 0;
  setDrawHint(mode ? t('hint_' + mode) : '');
}

// ---------------------------------------------------------------------------------------------------------------
// The input to screen: the drawn shape or the uploaded file, whichever came last.

function useDrawnInput(geometry) {
  state.input = { type: 'drawn', geometry };
  state.footprint = geometry;
  $('file-input').value = '';
  $('file-name').textContent = t('no_file');
  updateInputStatus();
  renderLegend(currentKinds());
  scheduleRender();
}

function onFileChosen() {
  const file = $('file-input').files[0];
  if (!file) return;
  state.input = { type: 'file', file };
  state.footprint = null; // the file's own shape is drawn once the server has read it
  $('file-name').textContent = file.name;
  updateInputStatus();
  renderLegend(currentKinds());
  scheduleRender();
}

function updateInputStatus() {
  const status = $('input-status');
  const input = state.input;
  status.dataset.state = input ? input.type : 'none';
  if (!input) status.textContent = t('input_none');
  else if (input.type === 'file') status.textContent = t('input_file', { name: input.file.name });
  else status.textContent = t('input_drawn', { geom: t('geom_' + input.geometry.type) });
  if (!input || input.type !== 'file') $('file-name').textContent = t('no_file');
}

// ---------------------------------------------------------------------------------------------------------------
// The project form. Options come from /v1/rules; labels are rebuilt on a language switch, keeping the choices.

function fillSelect(select, options) {
  const previous = select.value;
  select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  if (options.some(([value]) => value === previous)) select.value = previous;
}

function labelOr(key, value) {
  const label = t(key);
  return label === key ? value : label; // unknown values are shown as they are
}

function fillForm() {
  const rules = state.rules || {};
  const categories = Array.isArray(rules.categories) ? rules.categories : [];
  fillSelect($('category'), [['', t('choose_category')],
    ...categories.map((c) => [c.code, `${c.code} — ${pick(c) || c.code}`])]);
  fillSelect($('action'), (rules.actions || ['new', 'rebuild', 'expand', 'operate']).map((a) => [a, labelOr('action_' + a, a)]));
  fillSelect($('discharges'), [['', t('unstated')], ['true', t('yes')], ['false', t('no')]]);
  fillSelect($('crossing'), [['', t('unstated')],
    ...(rules.crossings || ['surface', 'tunnel', 'bridge', 'aerial']).map((c) => [c, labelOr('crossing_' + c, c)])]);
  fillSelect($('datum'), (rules.datums || ['wgs84', 'gcj02', 'bd09']).map((d) => [d, labelOr('datum_' + d, d)]));
}

// The parameters of a screening; unstated optional attributes are left out so the server takes the strict reading.
function formParameters(input) {
  const params = new URLSearchParams();
  params.set('category', $('category').value);
  params.set('action', $('action').value);
  if ($('discharges').value) params.set('discharges_to_water', $('discharges').value);
  if ($('crossing').value) params.set('crossing', $('crossing').value);
  if ($('national-major').checked) params.set('national_major_project', 'true');
  params.set('datum', input.type === 'drawn' ? 'wgs84' : $('datum').value);
  return params;
}

// ---------------------------------------------------------------------------------------------------------------
// Screening and downloads.

function snapshotRequest() {
  if (!state.input) throw new ApiError(t('need_input'));
  if (!$('category').value) throw new ApiError(t('need_category'));
  return { input: state.input, params: formParameters(state.input) };
}

function postScreen(snapshot, format) {
  const params = new URLSearchParams(snapshot.params);
  params.set('format', format);
  params.set('lang', state.lang);
  const url = `v1/screen?${params}`;
  if (snapshot.input.type === 'drawn') {
    const feature = { type: 'Feature', properties: { name: t('drawn_name') }, geometry: snapshot.input.geometry };
    return request(url, { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body: JSON.stringify(feature) });
  }
  const form = new FormData();
  form.append('file', snapshot.input.file, snapshot.input.file.name);
  return request(url, { method: 'POST', body: form });
}

// One request at a time: every button waits, and the one that was pressed shows that it is working.
function setBusy(busy, pressed = $('screen-button')) {
  state.busy = busy;
  const button = $('screen-button');
  button.disabled = busy;
  pressed.setAttribute('aria-busy', String(busy));
  $('screen-label').textContent = t(busy && pressed === button ? 'screening' : 'screen');
  document.querySelectorAll('.downloads button').forEach((b) => { b.disabled = busy || !state.screened; });
}

async function screen() {
  if (state.busy) return;
  let snapshot;
  try { snapshot = snapshotRequest(); } catch (error) { showError(error.message); return; }
  setBusy(true);
  try {
    const report = await (await postScreen(snapshot, 'json')).json();
    hideError();
    state.report = report;
    state.screened = snapshot;
    renderReport();
    $('result').classList.remove('stale');
    showScreenedFootprint(snapshot); // not awaited: the report is complete without the map's outline
  } catch (error) {
    showError(error.message);
    // The result on show is of an earlier input now: it stays readable but is dimmed.
    $('result').classList.add('stale');
  } finally {
    setBusy(false);
  }
}

// Draws what was screened and zooms to it. A file's shape is only known once the server has read it (any of
// five formats, any datum), so it is asked for as GIS output; failing that, the report still stands.
async function showScreenedFootprint(snapshot) {
  let geometry = snapshot.input.type === 'drawn' ? snapshot.input.geometry : null;
  if (!geometry) {
    try {
      const gis = await (await postScreen(snapshot, 'geojson')).json();
      const footprint = (gis.features || []).find((f) => (f.properties || {}).role === 'footprint');
      geometry = footprint ? footprint.geometry : null;
    } catch (_) { geometry = null; }
  }
  if (!geometry || state.screened !== snapshot) return;
  state.footprint = geometry;
  renderLegend(currentKinds());
  const bbox = geometryBBox(geometry);
  if (bbox) fitBounds(bbox, Math.min(view.width, view.height) * 0.2, 1000);
  scheduleRender();
}

function geometryBBox(geometry) {
  let box = null;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      box = box ? [Math.min(box[0], c[0]), Math.min(box[1], c[1]), Math.max(box[2], c[0]), Math.max(box[3], c[1])] : [c[0], c[1], c[0], c[1]];
    } else c.forEach(visit);
  };
  if (geometry.type === 'GeometryCollection') (geometry.geometries || []).forEach((g) => { const b = geometryBBox(g); if (b) visit([[b[0], b[1]], [b[2], b[3]]]); });
  else if (geometry.coordinates) visit(geometry.coordinates);
  return box;
}

const DOWNLOAD_FORMATS = ['html', 'pdf', 'json', 'geojson']; // each has its button #download-<format>

async function download(format) {
  if (!state.screened || state.busy) return;
  const pressed = $('download-' + format);
  setBusy(true, pressed);
  try {
    const blob = await (await postScreen(state.screened, format)).blob();
    hideError();
    saveBlob(blob, `redline-report.${format}`);
  } catch (error) {
    showError(error.message);
  } finally {
    setBusy(false, pressed);
  }
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000); // the download has started by then
}

// ---------------------------------------------------------------------------------------------------------------
// The report. Everything is read defensively: members may be missing or null.

const KNOWN_VERDICTS = ['prohibited', 'restricted', 'conditional', 'clear'];

function renderReport() {
  const report = state.report;
  if (!report) return;
  $('result').hidden = false;
  $('result-empty').hidden = true;
  renderVerdict(report);
  renderApprovals(report.approvals);
  renderProject(report);
  renderFindings(report);
  renderAccessList(report.findings);
  renderNearest(report.nearest);
  renderNotes(report);
  renderBases(report.bases);
  const disclaimer = pick(report.disclaimer);
  $('disclaimer').textContent = disclaimer;
  $('disclaimer').hidden = !disclaimer;
}

function renderVerdict(report) {
  const verdict = report.verdict == null ? '' : String(report.verdict);
  const known = KNOWN_VERDICTS.includes(verdict);
  $('verdict').dataset.verdict = verdict;
  $('verdict-label').textContent = t('verdict_label');
  $('verdict-headline').textContent = known ? t('verdict_' + verdict) : verdict;
  $('verdict-sub').textContent = known ? t(`verdict_${verdict}_sub`) : '';
}

function renderApprovals(approvals) {
  const box = $('approvals');
  box.replaceChildren();
  if (!Array.isArray(approvals) || !approvals.length) return;
  box.append(el('h3', null, t('approvals')),
    el('ul', { class: 'approvals' }, approvals.map((a) => el('li', null, el('span', { class: 'code' }, a.code || ''), pick(a)))));
}

function areaText(m2, ha, mu) {
  return t('area_units', { m2: formatNumber(m2, 2), ha: formatNumber(ha ?? m2 / 1e4, 4), mu: formatNumber(mu ?? m2 / 10000 * 15, 2) });
}

function renderProject(report) {
  const p = report.project || {};
  const rows = [];
  if (p.name || p.id) rows.push([t('p_project'), [p.name, p.id].filter(Boolean).join(' · ')]);
  if (p.category) rows.push([t('p_category'), `${p.category} — ${pick(p.category_name)}`]);
  if (p.action) rows.push([t('p_action'), labelOr('action_' + p.action, p.action)]);
  if (p.area_m2 != null) rows.push([t('p_area'), areaText(p.area_m2, p.area_ha, p.area_mu)]);
  if (p.length_m != null) rows.push([t('p_length'), formatMetres(p.length_m)]);
  if (p.area_m2 == null && p.length_m == null && p.geometry_type) rows.push([t('p_geometry'), p.geometry_type]);
  if (Array.isArray(p.districts) && p.districts.length) rows.push([t('p_districts'), p.districts.join(state.lang === 'zh' ? '、' : ', ')]);
  if (report.as_of) rows.push([t('p_as_of'), report.as_of]);
  $('project-line').replaceChildren(...rows.flatMap(([term, value]) => [el('dt', null, term), el('dd', null, value)]));
}

// What a finding overlaps: area, length or points for zones met, the distance for nearby ones.
function overlapText(f) {
  const lines = [];
  if (f.relation === 'nearby' && f.distance_m != null) lines.push(t('distance', { d: formatMetres(f.distance_m) }));
  else if (f.overlap_area_m2 != null) lines.push(areaText(f.overlap_area_m2, f.overlap_area_ha, f.overlap_area_mu));
  else if (f.overlap_length_m != null) lines.push(formatMetres(f.overlap_length_m));
  else if (f.points_inside != null) lines.push(t('points_inside', { n: f.points_inside }));
  else if (f.distance_m != null) lines.push(t('distance', { d: formatMetres(f.distance_m) }));
  if (f.overlap_share != null) lines.push(t('share', { p: `${formatNumber(f.overlap_share * 100, 1)}%` }));
  return lines;
}

// A short citation: the instrument and the article number, without the article's gloss in brackets.
function basisTitle(id, bases) {
  const basis = (bases || []).find((b) => b.id === id);
  if (!basis) return id;
  const bare = (text) => String(text || '').replace(/\s*[（(].*$/, '');
  return state.lang === 'zh' ? `《${basis.instrument}》${bare(basis.article)}`
    : `${basis.instrument_en || basis.instrument} ${bare(basis.article_en || basis.article)}`.trim();
}

function explanationCell(f, bases) {
  const rule = f.rule || null;
  const proximity = f.proximity || null;
  const cell = el('td', { class: 'explanation' });
  const text = pick(rule && rule.explanation) || pick(proximity && proximity.explanation);
  cell.append(text || '—');
  if (proximity && proximity.distance_m != null) cell.append(el('div', { class: 'meta' }, t('within', { d: formatMetres(proximity.distance_m) })));
  if (rule && Array.isArray(rule.approvals) && rule.approvals.length) cell.append(el('div', { class: 'meta' }, t('approvals_needed', { codes: rule.approvals.join(', ') })));
  // The citations fold away: they are long, and a reviewer opens them for the findings that matter.
  const ids = (rule && rule.bases) || (proximity && proximity.bases) || [];
  if (ids.length) {
    cell.append(el('details', { class: 'row-bases' }, el('summary', null, t('bases_short', { n: ids.length })),
      el('ul', null, ids.map((id) => el('li', { 'data-basis': id }, basisTitle(id, bases))))));
  }
  return cell;
}

function renderFindings(report) {
  const body = $('findings').tBodies[0];
  const findings = Array.isArray(report.findings) ? report.findings : [];
  body.replaceChildren(...findings.map((f) => {
    const zone = f.zone || {};
    const outcome = f.outcome == null ? '' : String(f.outcome);
    const { fill, stroke } = kindColours(zone.kind);
    return el('tr', { class: 'finding', 'data-outcome': outcome, 'data-relation': f.relation || '' },
      el('td', { class: 'zone' },
        el('span', { class: 'zone-name' }, el('span', { class: 'swatch', style: `background:${fill === 'none' ? 'transparent' : fill};border-color:${stroke}` }), zoneName(zone)),
        el('span', { class: 'zone-kind' }, kindLabel(zone.kind)),
        zone.level != null ? el('span', { class: 'zone-level' }, levelLabel(zone.kind, zone.level)) : null),
      el('td', { class: 'relation' }, labelOr('relation_' + f.relation, f.relation || '')),
      el('td', { class: 'overlap' }, overlapText(f).map((line) => el('div', null, line))),
      el('td', { class: 'outcome' }, el('span', { class: 'badge', 'data-outcome': outcome }, labelOr('outcome_' + outcome, outcome))),
      explanationCell(f, report.bases));
  }));
  if (!findings.length) body.append(el('tr', { class: 'empty-row' }, el('td', { colspan: 5 }, t('no_findings'))));
}

// The access lists of the control units met, for the clause-by-clause check an EIA review asks for.
function renderAccessList(findings) {
  const section = $('access-list');
  section.replaceChildren();
  const seen = new Set();
  const units = (Array.isArray(findings) ? findings : []).map((f) => ({ f, zone: f.zone || {} }))
    .filter(({ f, zone }) => f.relation !== 'nearby' && (zone.kind === 'control_unit' || (zone.access_clauses || []).length))
    .filter(({ zone }) => !seen.has(zone.id) && seen.add(zone.id));
  if (!units.length) return;
  section.append(el('h3', null, t('access_list')));
  for (const { zone } of units) {
    const category = zone.unit_category || levelLabel(zone.kind, zone.level);
    const unit = el('div', { class: 'unit', 'data-zone': zone.id || '' },
      el('h4', null, el('span', { class: 'code' }, zone.id || ''), zoneName(zone), category ? el('span', { class: 'unit-category' }, category) : null));
    const clauses = Array.isArray(zone.access_clauses) ? zone.access_clauses : [];
    if (!clauses.length) unit.append(el('p', { class: 'missing' }, t('access_missing')));
    for (const [dimension, group] of groupByDimension(clauses)) {
      const heading = state.lang === 'zh' ? group[0].dimension_zh || dimension : DIMENSIONS_EN[dimension] || dimension;
      // A list of its own: each clause keeps the numbering of the official list, which is what a reviewer cites.
      unit.append(el('h5', null, heading), el('ul', { class: 'clauses' }, group.map((c) => el('li', null,
        c.tier ? el('span', { class: 'tier' }, t('tier', { t: c.tier })) : null, c.text || '',
        c.source ? el('span', { class: 'source' }, t('source', { s: c.source })) : null))));
    }
    section.append(unit);
  }
}

function groupByDimension(clauses) {
  const groups = new Map();
  for (const clause of clauses) {
    const key = clause.dimension || clause.dimension_zh || '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(clause);
  }
  const rank = (d) => (DIMENSION_ORDER.includes(d) ? DIMENSION_ORDER.indexOf(d) : DIMENSION_ORDER.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

function renderNearest(nearest) {
  const section = $('nearest');
  section.replaceChildren();
  if (!Array.isArray(nearest) || !nearest.length) return;
  section.append(el('h3', null, t('nearest')), el('ul', { class: 'plain' }, nearest.map((n) => el('li', null,
    el('span', { class: 'kind' }, kindLabel(n.kind)), ' ', n.zone_name || n.zone_id || '',
    n.distance_m != null ? el('span', { class: 'distance' }, formatMetres(n.distance_m)) : null))));
}

function renderNotes(report) {
  const section = $('notes');
  section.replaceChildren();
  const notes = (Array.isArray(report.notes) ? report.notes : []).map(pick).filter(Boolean);
  if (notes.length) section.append(el('h3', null, t('notes')), el('ul', { class: 'plain' }, notes.map((n) => el('li', null, n))));
  const unchecked = (Array.isArray(report.not_checked) ? report.not_checked : []).map(pick).filter(Boolean);
  if (unchecked.length) {
    section.append(el('details', null, el('summary', null, `${t('not_checked')} (${unchecked.length})`),
      el('ul', { class: 'plain small' }, unchecked.map((n) => el('li', null, n)))));
  }
}

function renderBases(bases) {
  const section = $('bases');
  section.replaceChildren();
  if (!Array.isArray(bases) || !bases.length) return;
  const zh = state.lang === 'zh';
  section.append(el('details', null, el('summary', null, `${t('bases')} (${bases.length})`),
    el('ul', { class: 'plain small' }, bases.map((b) => {
      const state_ = (b.standing && b.standing.state) || b.status;
      const stateLabel = state_ && state_ !== 'in_force' ? labelOr('basis_status_' + state_, state_) : '';
      return el('li', { 'data-basis': b.id || '' },
        zh ? `《${b.instrument || b.id}》` : `${b.instrument_en || b.instrument || b.id}`,
        b.number ? `（${b.number}）` : '', ' ', zh ? b.article || '' : b.article_en || b.article || '',
        stateLabel ? el('span', { class: 'basis-state' }, stateLabel) : null);
    }))));
}

// ---------------------------------------------------------------------------------------------------------------
// Language.

function applyLanguage(lang) {
  state.lang = I18N[lang] ? lang : 'zh';
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  $('lang').value = state.lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((node) => {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
    node.title = t(node.dataset.i18nLabel);
  });
  $('screen-label').textContent = t(state.busy ? 'screening' : 'screen');
  if (state.input && state.input.type === 'file') $('file-name').textContent = state.input.file.name;
  fillForm();
  updateInputStatus();
  updateDrawControls();
  renderDatasetInfo();
  if (state.zones.length) renderZones();
  renderReport();
  // Keep the choice in the address, so a reload or a shared link opens in the same language.
  const url = new URL(location.href);
  url.searchParams.set('lang', state.lang);
  history.replaceState(null, '', url);
}

function renderDatasetInfo() {
  const d = state.dataset, r = state.rules && state.rules.ruleset;
  const parts = [];
  if (d && d.name) parts.push(t('dataset', { name: d.name, version: d.version || '' }).trim());
  if (r && r.version) parts.push(t('ruleset', { version: r.version }) + (r.as_of ? ` (${r.as_of})` : ''));
  $('dataset-info').textContent = parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------------------------
// Start-up.

function resizeMap() {
  const svg = $('map');
  const width = svg.clientWidth || 800, height = svg.clientHeight || 600;
  // Keep the same place in the middle when the window changes size.
  view.tx += (width - view.width) / 2;
  view.ty += (height - view.height) / 2;
  view.width = width;
  view.height = height;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  scheduleRender();
  scheduleZonesFetch();
}

function zoomToDataset() {
  if (state.dataset && Array.isArray(state.dataset.bbox)) fitBounds(state.dataset.bbox, 20);
}

function bindEvents() {
  const svg = $('map');
  svg.addEventListener('pointerdown', onPointerDown);
  svg.addEventListener('pointermove', onPointerMove);
  svg.addEventListener('pointerup', onPointerUp);
  svg.addEventListener('pointercancel', () => { press = null; svg.classList.remove('panning'); });
  svg.addEventListener('pointerleave', () => { if (state.draw) { state.draw.hover = null; scheduleRender(); } });
  svg.addEventListener('wheel', onWheel, { passive: false });
  svg.addEventListener('dblclick', onDoubleClick);
  $('zoom-in').addEventListener('click', () => zoomAt(2, view.width / 2, view.height / 2));
  $('zoom-out').addEventListener('click', () => zoomAt(0.5, view.width / 2, view.height / 2));
  $('zoom-extent').addEventListener('click', zoomToDataset);
  for (const [mode, id] of Object.entries(DRAW_BUTTONS)) $(id).addEventListener('click', () => startDrawing(mode));
  $('draw-finish').addEventListener('click', finishDrawing);
  $('draw-clear').addEventListener('click', clearDrawing);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.draw) cancelDrawing();
    else if (event.key === 'Enter' && state.draw && event.target === document.body) finishDrawing();
  });
  $('file-input').addEventListener('change', onFileChosen);
  $('screen-button').addEventListener('click', screen);
  for (const format of DOWNLOAD_FORMATS) $('download-' + format).addEventListener('click', () => download(format));
  $('lang').addEventListener('change', (event) => applyLanguage(event.target.value));
  new ResizeObserver(resizeMap).observe(svg);
}

async function init() {
  const requested = new URLSearchParams(location.search).get('lang');
  bindEvents();
  applyLanguage(requested === 'en' ? 'en' : 'zh');
  setBusy(false);
  try {
    const [dataset, rules] = await Promise.all([getJSON('v1/dataset'), getJSON('v1/rules')]);
    state.dataset = dataset;
    state.rules = rules;
    for (const kind of Array.isArray(rules.kinds) ? rules.kinds : []) state.kinds.set(kind.kind, kind);
    if (Array.isArray(dataset.bbox) && dataset.bbox.length === 4) setProjectionCentre(dataset.bbox);
    $('illustrative-banner').hidden = dataset.illustrative !== true;
    applyLanguage(state.lang);
    resizeMap();
    zoomToDataset();
  } catch (error) {
    showError(error.message);
  }
}

document.addEventListener('DOMContentLoaded', init);
