// Code generated from asyncapi.yaml. DO NOT EDIT.
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate, compare) {
      return { validate, compare };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str) {
      const matches = DATE.exec(str);
      if (!matches)
        return false;
      const year = +matches[1];
      const month = +matches[2];
      const day = +matches[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
          return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str) {
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str) {
      return NOT_URI_FRAGMENT.test(str) && URI.test(str);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str) {
      BYTE.lastIndex = 0;
      return BYTE.test(str);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str) {
      if (Z_ANCHOR.test(str))
        return false;
      try {
        new RegExp(str);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// validators.standalone.js
var validateConnectDeliveryJob = validate10;
var schema11 = { "title": "ConnectDeliveryJob", "type": "object", "description": "Enqueued by `$connect` with no delay; the worker waits briefly for the connection to open.", "additionalProperties": false, "required": ["reason", "connectionId", "userId", "realm", "accepted", "rejected", "connectedAt", "expiresAt", "correlationId"], "properties": { "reason": { "type": "string", "const": "connect" }, "connectionId": { "title": "ConnectionId", "type": "string", "pattern": "^[A-Za-z0-9+/=_-]{1,128}$" }, "userId": { "title": "UserId", "type": "string", "pattern": "^[A-Za-z0-9._@:+|-]{1,128}$" }, "realm": { "title": "Realm", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "accepted": { "type": "array", "maxItems": 20, "items": { "title": "TopicName", "type": "string", "description": "A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family\n(`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.\n", "pattern": "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" } }, "rejected": { "type": "array", "maxItems": 64, "items": { "title": "RejectedTopic", "type": "object", "additionalProperties": false, "required": ["topic", "code", "reason"], "properties": { "topic": { "type": "string", "maxLength": 256, "description": "The name as requested (possibly invalid)." }, "code": { "title": "TopicRejectionCode", "type": "string", "enum": ["UNKNOWN_TOPIC", "FORBIDDEN_TOPIC", "REALM_MISMATCH", "INVALID_TOPIC_NAME", "TOO_MANY_TOPICS", "INVALID_TOPIC_PARAMETER", "NOT_TOPIC_OWNER"] }, "reason": { "type": "string", "maxLength": 256 } } } }, "connectedAt": { "type": "integer", "minimum": 0, "description": "Epoch milliseconds." }, "expiresAt": { "type": "integer", "minimum": 0, "description": "Epoch seconds of the rows' expiry." }, "correlationId": { "title": "CorrelationId", "type": "string", "description": "Follows a message from publish to delivery in every log line.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "since": { "type": "array", "maxItems": 20, "description": "The well-formed positions the client sent for accepted history topics.", "items": { "title": "SincePosition", "type": "object", "additionalProperties": false, "required": ["topic", "offset", "epoch"], "description": "A well-formed position a client sent on connect, for one of its accepted history topics.", "properties": { "topic": { "title": "TopicName", "type": "string", "description": "A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family\n(`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.\n", "pattern": "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, "offset": { "title": "StreamOffset", "type": "integer", "minimum": 0, "maximum": 9007199254740991, "description": "A message's position in the stream of its realm and concrete topic: 1 for the first publication of an\nepoch, then one more per publication (assigned atomically when the message is routed; a retried routing\nkeeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).\n" }, "epoch": { "title": "StreamEpoch", "type": "string", "description": "Names one generation of a stream; a new epoch starts when the history was lost or reset.", "pattern": "^[A-Za-z0-9_-]{1,32}$" } } } }, "sinceRejected": { "type": "array", "maxItems": 21, "description": "The positions the client sent that were ignored (answered after the welcome).", "items": { "title": "SinceRejection", "type": "object", "additionalProperties": false, "required": ["topic", "code", "reason"], "description": "A position sent on connect that was ignored, answered after the welcome.", "properties": { "topic": { "type": "string", "maxLength": 256 }, "code": { "title": "RecoveryCode", "type": "string", "description": "Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.", "enum": ["EPOCH_CHANGED", "HISTORY_TRIMMED", "SINCE_INVALID", "SINCE_UNKNOWN_TOPIC", "SINCE_AHEAD"] }, "reason": { "type": "string", "maxLength": 256 } } } }, "recovery": { "title": "RecoveryPlacement", "type": "string", "enum": ["frames", "welcome"], "description": "Where the connect-time answers to `since` go (the connect query's `recovery`; absent: `frames`)." } }, "$id": "ConnectDeliveryJob" };
var func2 = Object.prototype.hasOwnProperty;
var func3 = require_ucs2length().default;
var pattern0 = new RegExp("^[A-Za-z0-9+/=_-]{1,128}$", "u");
var pattern1 = new RegExp("^[A-Za-z0-9._@:+|-]{1,128}$", "u");
var pattern2 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "u");
var pattern3 = new RegExp("^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$", "u");
var pattern4 = new RegExp("^[A-Za-z0-9._:-]{1,128}$", "u");
var pattern6 = new RegExp("^[A-Za-z0-9_-]{1,32}$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.reason === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.connectionId === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "connectionId" }, message: "must have required property 'connectionId'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.userId === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.realm === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.accepted === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "accepted" }, message: "must have required property 'accepted'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.rejected === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rejected" }, message: "must have required property 'rejected'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.connectedAt === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "connectedAt" }, message: "must have required property 'connectedAt'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.expiresAt === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expiresAt" }, message: "must have required property 'expiresAt'" };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.correlationId === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err9 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data0 = data.reason;
      if (typeof data0 !== "string") {
        const err10 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      if ("connect" !== data0) {
        const err11 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/const", keyword: "const", params: { allowedValue: "connect" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.connectionId !== void 0) {
      let data1 = data.connectionId;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err12 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.userId !== void 0) {
      let data2 = data.userId;
      if (typeof data2 === "string") {
        if (!pattern1.test(data2)) {
          const err14 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.realm !== void 0) {
      let data3 = data.realm;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err16 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.accepted !== void 0) {
      let data4 = data.accepted;
      if (Array.isArray(data4)) {
        if (data4.length > 20) {
          const err18 = { instancePath: instancePath + "/accepted", schemaPath: "#/properties/accepted/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data5 = data4[i0];
          if (typeof data5 === "string") {
            if (!pattern3.test(data5)) {
              const err19 = { instancePath: instancePath + "/accepted/" + i0, schemaPath: "#/properties/accepted/items/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          } else {
            const err20 = { instancePath: instancePath + "/accepted/" + i0, schemaPath: "#/properties/accepted/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/accepted", schemaPath: "#/properties/accepted/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.rejected !== void 0) {
      let data6 = data.rejected;
      if (Array.isArray(data6)) {
        if (data6.length > 64) {
          const err22 = { instancePath: instancePath + "/rejected", schemaPath: "#/properties/rejected/maxItems", keyword: "maxItems", params: { limit: 64 }, message: "must NOT have more than 64 items" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        const len1 = data6.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data7 = data6[i1];
          if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            if (data7.topic === void 0) {
              const err23 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
            if (data7.code === void 0) {
              const err24 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'" };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (data7.reason === void 0) {
              const err25 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            for (const key1 in data7) {
              if (!(key1 === "topic" || key1 === "code" || key1 === "reason")) {
                const err26 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data7.topic !== void 0) {
              let data8 = data7.topic;
              if (typeof data8 === "string") {
                if (func3(data8) > 256) {
                  const err27 = { instancePath: instancePath + "/rejected/" + i1 + "/topic", schemaPath: "#/properties/rejected/items/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
              } else {
                const err28 = { instancePath: instancePath + "/rejected/" + i1 + "/topic", schemaPath: "#/properties/rejected/items/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
            if (data7.code !== void 0) {
              let data9 = data7.code;
              if (typeof data9 !== "string") {
                const err29 = { instancePath: instancePath + "/rejected/" + i1 + "/code", schemaPath: "#/properties/rejected/items/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
              if (!(data9 === "UNKNOWN_TOPIC" || data9 === "FORBIDDEN_TOPIC" || data9 === "REALM_MISMATCH" || data9 === "INVALID_TOPIC_NAME" || data9 === "TOO_MANY_TOPICS" || data9 === "INVALID_TOPIC_PARAMETER" || data9 === "NOT_TOPIC_OWNER")) {
                const err30 = { instancePath: instancePath + "/rejected/" + i1 + "/code", schemaPath: "#/properties/rejected/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema11.properties.rejected.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
            }
            if (data7.reason !== void 0) {
              let data10 = data7.reason;
              if (typeof data10 === "string") {
                if (func3(data10) > 256) {
                  const err31 = { instancePath: instancePath + "/rejected/" + i1 + "/reason", schemaPath: "#/properties/rejected/items/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err31];
                  } else {
                    vErrors.push(err31);
                  }
                  errors++;
                }
              } else {
                const err32 = { instancePath: instancePath + "/rejected/" + i1 + "/reason", schemaPath: "#/properties/rejected/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            }
          } else {
            const err33 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
      } else {
        const err34 = { instancePath: instancePath + "/rejected", schemaPath: "#/properties/rejected/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.connectedAt !== void 0) {
      let data11 = data.connectedAt;
      if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
        const err35 = { instancePath: instancePath + "/connectedAt", schemaPath: "#/properties/connectedAt/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
      if (typeof data11 == "number" && isFinite(data11)) {
        if (data11 < 0 || isNaN(data11)) {
          const err36 = { instancePath: instancePath + "/connectedAt", schemaPath: "#/properties/connectedAt/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
      }
    }
    if (data.expiresAt !== void 0) {
      let data12 = data.expiresAt;
      if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
        const err37 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
      if (typeof data12 == "number" && isFinite(data12)) {
        if (data12 < 0 || isNaN(data12)) {
          const err38 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
      }
    }
    if (data.correlationId !== void 0) {
      let data13 = data.correlationId;
      if (typeof data13 === "string") {
        if (!pattern4.test(data13)) {
          const err39 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
      } else {
        const err40 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
    }
    if (data.since !== void 0) {
      let data14 = data.since;
      if (Array.isArray(data14)) {
        if (data14.length > 20) {
          const err41 = { instancePath: instancePath + "/since", schemaPath: "#/properties/since/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err41];
          } else {
            vErrors.push(err41);
          }
          errors++;
        }
        const len2 = data14.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data15 = data14[i2];
          if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
            if (data15.topic === void 0) {
              const err42 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/properties/since/items/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
            if (data15.offset === void 0) {
              const err43 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/properties/since/items/required", keyword: "required", params: { missingProperty: "offset" }, message: "must have required property 'offset'" };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
            if (data15.epoch === void 0) {
              const err44 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/properties/since/items/required", keyword: "required", params: { missingProperty: "epoch" }, message: "must have required property 'epoch'" };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
            for (const key2 in data15) {
              if (!(key2 === "topic" || key2 === "offset" || key2 === "epoch")) {
                const err45 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/properties/since/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
            if (data15.topic !== void 0) {
              let data16 = data15.topic;
              if (typeof data16 === "string") {
                if (!pattern3.test(data16)) {
                  const err46 = { instancePath: instancePath + "/since/" + i2 + "/topic", schemaPath: "#/properties/since/items/properties/topic/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
              } else {
                const err47 = { instancePath: instancePath + "/since/" + i2 + "/topic", schemaPath: "#/properties/since/items/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
            if (data15.offset !== void 0) {
              let data17 = data15.offset;
              if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
                const err48 = { instancePath: instancePath + "/since/" + i2 + "/offset", schemaPath: "#/properties/since/items/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
              if (typeof data17 == "number" && isFinite(data17)) {
                if (data17 > 9007199254740991 || isNaN(data17)) {
                  const err49 = { instancePath: instancePath + "/since/" + i2 + "/offset", schemaPath: "#/properties/since/items/properties/offset/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" };
                  if (vErrors === null) {
                    vErrors = [err49];
                  } else {
                    vErrors.push(err49);
                  }
                  errors++;
                }
                if (data17 < 0 || isNaN(data17)) {
                  const err50 = { instancePath: instancePath + "/since/" + i2 + "/offset", schemaPath: "#/properties/since/items/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err50];
                  } else {
                    vErrors.push(err50);
                  }
                  errors++;
                }
              }
            }
            if (data15.epoch !== void 0) {
              let data18 = data15.epoch;
              if (typeof data18 === "string") {
                if (!pattern6.test(data18)) {
                  const err51 = { instancePath: instancePath + "/since/" + i2 + "/epoch", schemaPath: "#/properties/since/items/properties/epoch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,32}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' };
                  if (vErrors === null) {
                    vErrors = [err51];
                  } else {
                    vErrors.push(err51);
                  }
                  errors++;
                }
              } else {
                const err52 = { instancePath: instancePath + "/since/" + i2 + "/epoch", schemaPath: "#/properties/since/items/properties/epoch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
          } else {
            const err53 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/properties/since/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
        }
      } else {
        const err54 = { instancePath: instancePath + "/since", schemaPath: "#/properties/since/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
    }
    if (data.sinceRejected !== void 0) {
      let data19 = data.sinceRejected;
      if (Array.isArray(data19)) {
        if (data19.length > 21) {
          const err55 = { instancePath: instancePath + "/sinceRejected", schemaPath: "#/properties/sinceRejected/maxItems", keyword: "maxItems", params: { limit: 21 }, message: "must NOT have more than 21 items" };
          if (vErrors === null) {
            vErrors = [err55];
          } else {
            vErrors.push(err55);
          }
          errors++;
        }
        const len3 = data19.length;
        for (let i3 = 0; i3 < len3; i3++) {
          let data20 = data19[i3];
          if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
            if (data20.topic === void 0) {
              const err56 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/properties/sinceRejected/items/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
            if (data20.code === void 0) {
              const err57 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/properties/sinceRejected/items/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'" };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
            if (data20.reason === void 0) {
              const err58 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/properties/sinceRejected/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
            for (const key3 in data20) {
              if (!(key3 === "topic" || key3 === "code" || key3 === "reason")) {
                const err59 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/properties/sinceRejected/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            if (data20.topic !== void 0) {
              let data21 = data20.topic;
              if (typeof data21 === "string") {
                if (func3(data21) > 256) {
                  const err60 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/topic", schemaPath: "#/properties/sinceRejected/items/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err60];
                  } else {
                    vErrors.push(err60);
                  }
                  errors++;
                }
              } else {
                const err61 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/topic", schemaPath: "#/properties/sinceRejected/items/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
            }
            if (data20.code !== void 0) {
              let data22 = data20.code;
              if (typeof data22 !== "string") {
                const err62 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/code", schemaPath: "#/properties/sinceRejected/items/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              }
              if (!(data22 === "EPOCH_CHANGED" || data22 === "HISTORY_TRIMMED" || data22 === "SINCE_INVALID" || data22 === "SINCE_UNKNOWN_TOPIC" || data22 === "SINCE_AHEAD")) {
                const err63 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/code", schemaPath: "#/properties/sinceRejected/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema11.properties.sinceRejected.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err63];
                } else {
                  vErrors.push(err63);
                }
                errors++;
              }
            }
            if (data20.reason !== void 0) {
              let data23 = data20.reason;
              if (typeof data23 === "string") {
                if (func3(data23) > 256) {
                  const err64 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/reason", schemaPath: "#/properties/sinceRejected/items/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err64];
                  } else {
                    vErrors.push(err64);
                  }
                  errors++;
                }
              } else {
                const err65 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/reason", schemaPath: "#/properties/sinceRejected/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
            }
          } else {
            const err66 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/properties/sinceRejected/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
      } else {
        const err67 = { instancePath: instancePath + "/sinceRejected", schemaPath: "#/properties/sinceRejected/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
    }
    if (data.recovery !== void 0) {
      let data24 = data.recovery;
      if (typeof data24 !== "string") {
        const err68 = { instancePath: instancePath + "/recovery", schemaPath: "#/properties/recovery/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
      if (!(data24 === "frames" || data24 === "welcome")) {
        const err69 = { instancePath: instancePath + "/recovery", schemaPath: "#/properties/recovery/enum", keyword: "enum", params: { allowedValues: schema11.properties.recovery.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err69];
        } else {
          vErrors.push(err69);
        }
        errors++;
      }
    }
  } else {
    const err70 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err70];
    } else {
      vErrors.push(err70);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var validateConnectionLimits = validate11;
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.idleTimeoutSeconds === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "idleTimeoutSeconds" }, message: "must have required property 'idleTimeoutSeconds'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.maxConnectionSeconds === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "maxConnectionSeconds" }, message: "must have required property 'maxConnectionSeconds'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.connectionTtlSeconds === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "connectionTtlSeconds" }, message: "must have required property 'connectionTtlSeconds'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "idleTimeoutSeconds" || key0 === "maxConnectionSeconds" || key0 === "connectionTtlSeconds")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.idleTimeoutSeconds !== void 0) {
      let data0 = data.idleTimeoutSeconds;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err4 = { instancePath: instancePath + "/idleTimeoutSeconds", schemaPath: "#/properties/idleTimeoutSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (data0 < 1 || isNaN(data0)) {
          const err5 = { instancePath: instancePath + "/idleTimeoutSeconds", schemaPath: "#/properties/idleTimeoutSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      }
    }
    if (data.maxConnectionSeconds !== void 0) {
      let data1 = data.maxConnectionSeconds;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err6 = { instancePath: instancePath + "/maxConnectionSeconds", schemaPath: "#/properties/maxConnectionSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 < 1 || isNaN(data1)) {
          const err7 = { instancePath: instancePath + "/maxConnectionSeconds", schemaPath: "#/properties/maxConnectionSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
    if (data.connectionTtlSeconds !== void 0) {
      let data2 = data.connectionTtlSeconds;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err8 = { instancePath: instancePath + "/connectionTtlSeconds", schemaPath: "#/properties/connectionTtlSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err9 = { instancePath: instancePath + "/connectionTtlSeconds", schemaPath: "#/properties/connectionTtlSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    }
  } else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var validateDeliveryJob = validate12;
var schema13 = { "title": "DeliveryJob", "description": "One job of the delivery queue, shaped by its `reason`: `connect` (welcome, history, inbox, then the\nmessages held for the connection until its welcome), `drain` (the inbox only: a user message raced a\nconnect) or `retry` (one user message to one open connection whose post failed).\nInternal (`x-internal`): only the platform's own functions enqueue and read it. Since 1.9 each reason\nhas its own shape; `drain` and `retry` jobs still in the queue from 1.8 and before (with the connect fields) are\naccepted by the worker, which drops those fields.\n", "oneOf": [{ "title": "ConnectDeliveryJob", "type": "object", "description": "Enqueued by `$connect` with no delay; the worker waits briefly for the connection to open.", "additionalProperties": false, "required": ["reason", "connectionId", "userId", "realm", "accepted", "rejected", "connectedAt", "expiresAt", "correlationId"], "properties": { "reason": { "type": "string", "const": "connect" }, "connectionId": { "title": "ConnectionId", "type": "string", "pattern": "^[A-Za-z0-9+/=_-]{1,128}$" }, "userId": { "title": "UserId", "type": "string", "pattern": "^[A-Za-z0-9._@:+|-]{1,128}$" }, "realm": { "title": "Realm", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "accepted": { "type": "array", "maxItems": 20, "items": { "title": "TopicName", "type": "string", "description": "A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family\n(`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.\n", "pattern": "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" } }, "rejected": { "type": "array", "maxItems": 64, "items": { "title": "RejectedTopic", "type": "object", "additionalProperties": false, "required": ["topic", "code", "reason"], "properties": { "topic": { "type": "string", "maxLength": 256, "description": "The name as requested (possibly invalid)." }, "code": { "title": "TopicRejectionCode", "type": "string", "enum": ["UNKNOWN_TOPIC", "FORBIDDEN_TOPIC", "REALM_MISMATCH", "INVALID_TOPIC_NAME", "TOO_MANY_TOPICS", "INVALID_TOPIC_PARAMETER", "NOT_TOPIC_OWNER"] }, "reason": { "type": "string", "maxLength": 256 } } } }, "connectedAt": { "type": "integer", "minimum": 0, "description": "Epoch milliseconds." }, "expiresAt": { "type": "integer", "minimum": 0, "description": "Epoch seconds of the rows' expiry." }, "correlationId": { "title": "CorrelationId", "type": "string", "description": "Follows a message from publish to delivery in every log line.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "since": { "type": "array", "maxItems": 20, "description": "The well-formed positions the client sent for accepted history topics.", "items": { "title": "SincePosition", "type": "object", "additionalProperties": false, "required": ["topic", "offset", "epoch"], "description": "A well-formed position a client sent on connect, for one of its accepted history topics.", "properties": { "topic": { "title": "TopicName", "type": "string", "description": "A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family\n(`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.\n", "pattern": "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, "offset": { "title": "StreamOffset", "type": "integer", "minimum": 0, "maximum": 9007199254740991, "description": "A message's position in the stream of its realm and concrete topic: 1 for the first publication of an\nepoch, then one more per publication (assigned atomically when the message is routed; a retried routing\nkeeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).\n" }, "epoch": { "title": "StreamEpoch", "type": "string", "description": "Names one generation of a stream; a new epoch starts when the history was lost or reset.", "pattern": "^[A-Za-z0-9_-]{1,32}$" } } } }, "sinceRejected": { "type": "array", "maxItems": 21, "description": "The positions the client sent that were ignored (answered after the welcome).", "items": { "title": "SinceRejection", "type": "object", "additionalProperties": false, "required": ["topic", "code", "reason"], "description": "A position sent on connect that was ignored, answered after the welcome.", "properties": { "topic": { "type": "string", "maxLength": 256 }, "code": { "title": "RecoveryCode", "type": "string", "description": "Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.", "enum": ["EPOCH_CHANGED", "HISTORY_TRIMMED", "SINCE_INVALID", "SINCE_UNKNOWN_TOPIC", "SINCE_AHEAD"] }, "reason": { "type": "string", "maxLength": 256 } } } }, "recovery": { "title": "RecoveryPlacement", "type": "string", "enum": ["frames", "welcome"], "description": "Where the connect-time answers to `since` go (the connect query's `recovery`; absent: `frames`)." } } }, { "title": "DrainDeliveryJob", "type": "object", "description": "The user's inbox to one connection (a user message raced its connect).", "additionalProperties": false, "required": ["reason", "connectionId", "userId", "realm", "correlationId"], "properties": { "reason": { "type": "string", "const": "drain" }, "connectionId": { "title": "ConnectionId", "type": "string", "pattern": "^[A-Za-z0-9+/=_-]{1,128}$" }, "userId": { "title": "UserId", "type": "string", "pattern": "^[A-Za-z0-9._@:+|-]{1,128}$" }, "realm": { "title": "Realm", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "correlationId": { "title": "CorrelationId", "type": "string", "description": "Follows a message from publish to delivery in every log line.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" } } }, { "title": "RetryDeliveryJob", "type": "object", "description": "The user message in `message` to this one open connection, whose post failed (5xx, timeout, still\nthrottled); the inbox is shared by the user's connections, so it is not used for this.\n", "additionalProperties": false, "required": ["reason", "connectionId", "userId", "realm", "correlationId", "message"], "properties": { "reason": { "type": "string", "const": "retry" }, "connectionId": { "title": "ConnectionId", "type": "string", "pattern": "^[A-Za-z0-9+/=_-]{1,128}$" }, "userId": { "title": "UserId", "type": "string", "pattern": "^[A-Za-z0-9._@:+|-]{1,128}$" }, "realm": { "title": "Realm", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "correlationId": { "title": "CorrelationId", "type": "string", "description": "Follows a message from publish to delivery in every log line.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "message": { "title": "UserEnvelope", "type": "object", "additionalProperties": false, "required": ["messageId", "correlationId", "realm", "userId", "type", "publishedAt", "payload"], "properties": { "messageId": { "title": "MessageId", "type": "string", "description": "Unique per message; clients and the offline inbox de-duplicate on it.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "correlationId": { "title": "CorrelationId", "type": "string", "description": "Follows a message from publish to delivery in every log line.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "realm": { "title": "Realm", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "userId": { "title": "UserId", "type": "string", "pattern": "^[A-Za-z0-9._@:+|-]{1,128}$" }, "type": { "title": "UserMessageType", "type": "string", "pattern": "^[a-z][a-z0-9-]{0,62}$" }, "publishedAt": { "type": "string", "format": "date-time", "description": "When the publisher published the message (it orders the inbox and topic history and starts the retention). The routers refuse an envelope whose `publishedAt` is more than `x-limits.publishedAtMaxFutureSeconds` (5 min of clock skew) ahead of their clock: logged, counted as InvalidMessages, kept by the on-failure destination, never stored or delivered. The publisher SDK checks the same bound before sending. An earlier `publishedAt` is accepted (a message dated before its retention is stored already expired)." }, "payload": { "type": "object", "description": "Follows the schema of the message type." } } } } }], "$id": "DeliveryJob" };
var pattern26 = new RegExp("^[a-z][a-z0-9-]{0,62}$", "u");
var formats0 = require_formats().fullFormats["date-time"];
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.reason === void 0) {
      const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.connectionId === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "connectionId" }, message: "must have required property 'connectionId'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.userId === void 0) {
      const err2 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.realm === void 0) {
      const err3 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.accepted === void 0) {
      const err4 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "accepted" }, message: "must have required property 'accepted'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.rejected === void 0) {
      const err5 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "rejected" }, message: "must have required property 'rejected'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.connectedAt === void 0) {
      const err6 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "connectedAt" }, message: "must have required property 'connectedAt'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.expiresAt === void 0) {
      const err7 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "expiresAt" }, message: "must have required property 'expiresAt'" };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.correlationId === void 0) {
      const err8 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema13.oneOf[0].properties, key0)) {
        const err9 = { instancePath, schemaPath: "#/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data0 = data.reason;
      if (typeof data0 !== "string") {
        const err10 = { instancePath: instancePath + "/reason", schemaPath: "#/oneOf/0/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      if ("connect" !== data0) {
        const err11 = { instancePath: instancePath + "/reason", schemaPath: "#/oneOf/0/properties/reason/const", keyword: "const", params: { allowedValue: "connect" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.connectionId !== void 0) {
      let data1 = data.connectionId;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err12 = { instancePath: instancePath + "/connectionId", schemaPath: "#/oneOf/0/properties/connectionId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/connectionId", schemaPath: "#/oneOf/0/properties/connectionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.userId !== void 0) {
      let data2 = data.userId;
      if (typeof data2 === "string") {
        if (!pattern1.test(data2)) {
          const err14 = { instancePath: instancePath + "/userId", schemaPath: "#/oneOf/0/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/userId", schemaPath: "#/oneOf/0/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.realm !== void 0) {
      let data3 = data.realm;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err16 = { instancePath: instancePath + "/realm", schemaPath: "#/oneOf/0/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/realm", schemaPath: "#/oneOf/0/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.accepted !== void 0) {
      let data4 = data.accepted;
      if (Array.isArray(data4)) {
        if (data4.length > 20) {
          const err18 = { instancePath: instancePath + "/accepted", schemaPath: "#/oneOf/0/properties/accepted/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data5 = data4[i0];
          if (typeof data5 === "string") {
            if (!pattern3.test(data5)) {
              const err19 = { instancePath: instancePath + "/accepted/" + i0, schemaPath: "#/oneOf/0/properties/accepted/items/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          } else {
            const err20 = { instancePath: instancePath + "/accepted/" + i0, schemaPath: "#/oneOf/0/properties/accepted/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/accepted", schemaPath: "#/oneOf/0/properties/accepted/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.rejected !== void 0) {
      let data6 = data.rejected;
      if (Array.isArray(data6)) {
        if (data6.length > 64) {
          const err22 = { instancePath: instancePath + "/rejected", schemaPath: "#/oneOf/0/properties/rejected/maxItems", keyword: "maxItems", params: { limit: 64 }, message: "must NOT have more than 64 items" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        const len1 = data6.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data7 = data6[i1];
          if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            if (data7.topic === void 0) {
              const err23 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/oneOf/0/properties/rejected/items/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
            if (data7.code === void 0) {
              const err24 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/oneOf/0/properties/rejected/items/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'" };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (data7.reason === void 0) {
              const err25 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/oneOf/0/properties/rejected/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            for (const key1 in data7) {
              if (!(key1 === "topic" || key1 === "code" || key1 === "reason")) {
                const err26 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/oneOf/0/properties/rejected/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data7.topic !== void 0) {
              let data8 = data7.topic;
              if (typeof data8 === "string") {
                if (func3(data8) > 256) {
                  const err27 = { instancePath: instancePath + "/rejected/" + i1 + "/topic", schemaPath: "#/oneOf/0/properties/rejected/items/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
              } else {
                const err28 = { instancePath: instancePath + "/rejected/" + i1 + "/topic", schemaPath: "#/oneOf/0/properties/rejected/items/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
            if (data7.code !== void 0) {
              let data9 = data7.code;
              if (typeof data9 !== "string") {
                const err29 = { instancePath: instancePath + "/rejected/" + i1 + "/code", schemaPath: "#/oneOf/0/properties/rejected/items/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
              if (!(data9 === "UNKNOWN_TOPIC" || data9 === "FORBIDDEN_TOPIC" || data9 === "REALM_MISMATCH" || data9 === "INVALID_TOPIC_NAME" || data9 === "TOO_MANY_TOPICS" || data9 === "INVALID_TOPIC_PARAMETER" || data9 === "NOT_TOPIC_OWNER")) {
                const err30 = { instancePath: instancePath + "/rejected/" + i1 + "/code", schemaPath: "#/oneOf/0/properties/rejected/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema13.oneOf[0].properties.rejected.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
            }
            if (data7.reason !== void 0) {
              let data10 = data7.reason;
              if (typeof data10 === "string") {
                if (func3(data10) > 256) {
                  const err31 = { instancePath: instancePath + "/rejected/" + i1 + "/reason", schemaPath: "#/oneOf/0/properties/rejected/items/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err31];
                  } else {
                    vErrors.push(err31);
                  }
                  errors++;
                }
              } else {
                const err32 = { instancePath: instancePath + "/rejected/" + i1 + "/reason", schemaPath: "#/oneOf/0/properties/rejected/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            }
          } else {
            const err33 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/oneOf/0/properties/rejected/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
      } else {
        const err34 = { instancePath: instancePath + "/rejected", schemaPath: "#/oneOf/0/properties/rejected/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.connectedAt !== void 0) {
      let data11 = data.connectedAt;
      if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
        const err35 = { instancePath: instancePath + "/connectedAt", schemaPath: "#/oneOf/0/properties/connectedAt/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
      if (typeof data11 == "number" && isFinite(data11)) {
        if (data11 < 0 || isNaN(data11)) {
          const err36 = { instancePath: instancePath + "/connectedAt", schemaPath: "#/oneOf/0/properties/connectedAt/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
      }
    }
    if (data.expiresAt !== void 0) {
      let data12 = data.expiresAt;
      if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
        const err37 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/oneOf/0/properties/expiresAt/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
      if (typeof data12 == "number" && isFinite(data12)) {
        if (data12 < 0 || isNaN(data12)) {
          const err38 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/oneOf/0/properties/expiresAt/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
      }
    }
    if (data.correlationId !== void 0) {
      let data13 = data.correlationId;
      if (typeof data13 === "string") {
        if (!pattern4.test(data13)) {
          const err39 = { instancePath: instancePath + "/correlationId", schemaPath: "#/oneOf/0/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
      } else {
        const err40 = { instancePath: instancePath + "/correlationId", schemaPath: "#/oneOf/0/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
    }
    if (data.since !== void 0) {
      let data14 = data.since;
      if (Array.isArray(data14)) {
        if (data14.length > 20) {
          const err41 = { instancePath: instancePath + "/since", schemaPath: "#/oneOf/0/properties/since/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err41];
          } else {
            vErrors.push(err41);
          }
          errors++;
        }
        const len2 = data14.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data15 = data14[i2];
          if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
            if (data15.topic === void 0) {
              const err42 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/oneOf/0/properties/since/items/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
            if (data15.offset === void 0) {
              const err43 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/oneOf/0/properties/since/items/required", keyword: "required", params: { missingProperty: "offset" }, message: "must have required property 'offset'" };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
            if (data15.epoch === void 0) {
              const err44 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/oneOf/0/properties/since/items/required", keyword: "required", params: { missingProperty: "epoch" }, message: "must have required property 'epoch'" };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
            for (const key2 in data15) {
              if (!(key2 === "topic" || key2 === "offset" || key2 === "epoch")) {
                const err45 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/oneOf/0/properties/since/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
            if (data15.topic !== void 0) {
              let data16 = data15.topic;
              if (typeof data16 === "string") {
                if (!pattern3.test(data16)) {
                  const err46 = { instancePath: instancePath + "/since/" + i2 + "/topic", schemaPath: "#/oneOf/0/properties/since/items/properties/topic/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
              } else {
                const err47 = { instancePath: instancePath + "/since/" + i2 + "/topic", schemaPath: "#/oneOf/0/properties/since/items/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
            if (data15.offset !== void 0) {
              let data17 = data15.offset;
              if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
                const err48 = { instancePath: instancePath + "/since/" + i2 + "/offset", schemaPath: "#/oneOf/0/properties/since/items/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
              if (typeof data17 == "number" && isFinite(data17)) {
                if (data17 > 9007199254740991 || isNaN(data17)) {
                  const err49 = { instancePath: instancePath + "/since/" + i2 + "/offset", schemaPath: "#/oneOf/0/properties/since/items/properties/offset/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" };
                  if (vErrors === null) {
                    vErrors = [err49];
                  } else {
                    vErrors.push(err49);
                  }
                  errors++;
                }
                if (data17 < 0 || isNaN(data17)) {
                  const err50 = { instancePath: instancePath + "/since/" + i2 + "/offset", schemaPath: "#/oneOf/0/properties/since/items/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err50];
                  } else {
                    vErrors.push(err50);
                  }
                  errors++;
                }
              }
            }
            if (data15.epoch !== void 0) {
              let data18 = data15.epoch;
              if (typeof data18 === "string") {
                if (!pattern6.test(data18)) {
                  const err51 = { instancePath: instancePath + "/since/" + i2 + "/epoch", schemaPath: "#/oneOf/0/properties/since/items/properties/epoch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,32}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' };
                  if (vErrors === null) {
                    vErrors = [err51];
                  } else {
                    vErrors.push(err51);
                  }
                  errors++;
                }
              } else {
                const err52 = { instancePath: instancePath + "/since/" + i2 + "/epoch", schemaPath: "#/oneOf/0/properties/since/items/properties/epoch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
          } else {
            const err53 = { instancePath: instancePath + "/since/" + i2, schemaPath: "#/oneOf/0/properties/since/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
        }
      } else {
        const err54 = { instancePath: instancePath + "/since", schemaPath: "#/oneOf/0/properties/since/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
    }
    if (data.sinceRejected !== void 0) {
      let data19 = data.sinceRejected;
      if (Array.isArray(data19)) {
        if (data19.length > 21) {
          const err55 = { instancePath: instancePath + "/sinceRejected", schemaPath: "#/oneOf/0/properties/sinceRejected/maxItems", keyword: "maxItems", params: { limit: 21 }, message: "must NOT have more than 21 items" };
          if (vErrors === null) {
            vErrors = [err55];
          } else {
            vErrors.push(err55);
          }
          errors++;
        }
        const len3 = data19.length;
        for (let i3 = 0; i3 < len3; i3++) {
          let data20 = data19[i3];
          if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
            if (data20.topic === void 0) {
              const err56 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/oneOf/0/properties/sinceRejected/items/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
            if (data20.code === void 0) {
              const err57 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/oneOf/0/properties/sinceRejected/items/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'" };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
            if (data20.reason === void 0) {
              const err58 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/oneOf/0/properties/sinceRejected/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
            for (const key3 in data20) {
              if (!(key3 === "topic" || key3 === "code" || key3 === "reason")) {
                const err59 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/oneOf/0/properties/sinceRejected/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            if (data20.topic !== void 0) {
              let data21 = data20.topic;
              if (typeof data21 === "string") {
                if (func3(data21) > 256) {
                  const err60 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/topic", schemaPath: "#/oneOf/0/properties/sinceRejected/items/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err60];
                  } else {
                    vErrors.push(err60);
                  }
                  errors++;
                }
              } else {
                const err61 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/topic", schemaPath: "#/oneOf/0/properties/sinceRejected/items/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
            }
            if (data20.code !== void 0) {
              let data22 = data20.code;
              if (typeof data22 !== "string") {
                const err62 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/code", schemaPath: "#/oneOf/0/properties/sinceRejected/items/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              }
              if (!(data22 === "EPOCH_CHANGED" || data22 === "HISTORY_TRIMMED" || data22 === "SINCE_INVALID" || data22 === "SINCE_UNKNOWN_TOPIC" || data22 === "SINCE_AHEAD")) {
                const err63 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/code", schemaPath: "#/oneOf/0/properties/sinceRejected/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema13.oneOf[0].properties.sinceRejected.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err63];
                } else {
                  vErrors.push(err63);
                }
                errors++;
              }
            }
            if (data20.reason !== void 0) {
              let data23 = data20.reason;
              if (typeof data23 === "string") {
                if (func3(data23) > 256) {
                  const err64 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/reason", schemaPath: "#/oneOf/0/properties/sinceRejected/items/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err64];
                  } else {
                    vErrors.push(err64);
                  }
                  errors++;
                }
              } else {
                const err65 = { instancePath: instancePath + "/sinceRejected/" + i3 + "/reason", schemaPath: "#/oneOf/0/properties/sinceRejected/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
            }
          } else {
            const err66 = { instancePath: instancePath + "/sinceRejected/" + i3, schemaPath: "#/oneOf/0/properties/sinceRejected/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
      } else {
        const err67 = { instancePath: instancePath + "/sinceRejected", schemaPath: "#/oneOf/0/properties/sinceRejected/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
    }
    if (data.recovery !== void 0) {
      let data24 = data.recovery;
      if (typeof data24 !== "string") {
        const err68 = { instancePath: instancePath + "/recovery", schemaPath: "#/oneOf/0/properties/recovery/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
      if (!(data24 === "frames" || data24 === "welcome")) {
        const err69 = { instancePath: instancePath + "/recovery", schemaPath: "#/oneOf/0/properties/recovery/enum", keyword: "enum", params: { allowedValues: schema13.oneOf[0].properties.recovery.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err69];
        } else {
          vErrors.push(err69);
        }
        errors++;
      }
    }
  } else {
    const err70 = { instancePath, schemaPath: "#/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err70];
    } else {
      vErrors.push(err70);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs57 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.reason === void 0) {
      const err71 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err71];
      } else {
        vErrors.push(err71);
      }
      errors++;
    }
    if (data.connectionId === void 0) {
      const err72 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "connectionId" }, message: "must have required property 'connectionId'" };
      if (vErrors === null) {
        vErrors = [err72];
      } else {
        vErrors.push(err72);
      }
      errors++;
    }
    if (data.userId === void 0) {
      const err73 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
      if (vErrors === null) {
        vErrors = [err73];
      } else {
        vErrors.push(err73);
      }
      errors++;
    }
    if (data.realm === void 0) {
      const err74 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
      if (vErrors === null) {
        vErrors = [err74];
      } else {
        vErrors.push(err74);
      }
      errors++;
    }
    if (data.correlationId === void 0) {
      const err75 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
      if (vErrors === null) {
        vErrors = [err75];
      } else {
        vErrors.push(err75);
      }
      errors++;
    }
    for (const key4 in data) {
      if (!(key4 === "reason" || key4 === "connectionId" || key4 === "userId" || key4 === "realm" || key4 === "correlationId")) {
        const err76 = { instancePath, schemaPath: "#/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data25 = data.reason;
      if (typeof data25 !== "string") {
        const err77 = { instancePath: instancePath + "/reason", schemaPath: "#/oneOf/1/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err77];
        } else {
          vErrors.push(err77);
        }
        errors++;
      }
      if ("drain" !== data25) {
        const err78 = { instancePath: instancePath + "/reason", schemaPath: "#/oneOf/1/properties/reason/const", keyword: "const", params: { allowedValue: "drain" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err78];
        } else {
          vErrors.push(err78);
        }
        errors++;
      }
    }
    if (data.connectionId !== void 0) {
      let data26 = data.connectionId;
      if (typeof data26 === "string") {
        if (!pattern0.test(data26)) {
          const err79 = { instancePath: instancePath + "/connectionId", schemaPath: "#/oneOf/1/properties/connectionId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err79];
          } else {
            vErrors.push(err79);
          }
          errors++;
        }
      } else {
        const err80 = { instancePath: instancePath + "/connectionId", schemaPath: "#/oneOf/1/properties/connectionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err80];
        } else {
          vErrors.push(err80);
        }
        errors++;
      }
    }
    if (data.userId !== void 0) {
      let data27 = data.userId;
      if (typeof data27 === "string") {
        if (!pattern1.test(data27)) {
          const err81 = { instancePath: instancePath + "/userId", schemaPath: "#/oneOf/1/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err81];
          } else {
            vErrors.push(err81);
          }
          errors++;
        }
      } else {
        const err82 = { instancePath: instancePath + "/userId", schemaPath: "#/oneOf/1/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err82];
        } else {
          vErrors.push(err82);
        }
        errors++;
      }
    }
    if (data.realm !== void 0) {
      let data28 = data.realm;
      if (typeof data28 === "string") {
        if (!pattern2.test(data28)) {
          const err83 = { instancePath: instancePath + "/realm", schemaPath: "#/oneOf/1/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
          if (vErrors === null) {
            vErrors = [err83];
          } else {
            vErrors.push(err83);
          }
          errors++;
        }
      } else {
        const err84 = { instancePath: instancePath + "/realm", schemaPath: "#/oneOf/1/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err84];
        } else {
          vErrors.push(err84);
        }
        errors++;
      }
    }
    if (data.correlationId !== void 0) {
      let data29 = data.correlationId;
      if (typeof data29 === "string") {
        if (!pattern4.test(data29)) {
          const err85 = { instancePath: instancePath + "/correlationId", schemaPath: "#/oneOf/1/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err85];
          } else {
            vErrors.push(err85);
          }
          errors++;
        }
      } else {
        const err86 = { instancePath: instancePath + "/correlationId", schemaPath: "#/oneOf/1/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err86];
        } else {
          vErrors.push(err86);
        }
        errors++;
      }
    }
  } else {
    const err87 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err87];
    } else {
      vErrors.push(err87);
    }
    errors++;
  }
  var _valid0 = _errs57 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
    const _errs70 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.reason === void 0) {
        const err88 = { instancePath, schemaPath: "#/oneOf/2/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
        if (vErrors === null) {
          vErrors = [err88];
        } else {
          vErrors.push(err88);
        }
        errors++;
      }
      if (data.connectionId === void 0) {
        const err89 = { instancePath, schemaPath: "#/oneOf/2/required", keyword: "required", params: { missingProperty: "connectionId" }, message: "must have required property 'connectionId'" };
        if (vErrors === null) {
          vErrors = [err89];
        } else {
          vErrors.push(err89);
        }
        errors++;
      }
      if (data.userId === void 0) {
        const err90 = { instancePath, schemaPath: "#/oneOf/2/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
        if (vErrors === null) {
          vErrors = [err90];
        } else {
          vErrors.push(err90);
        }
        errors++;
      }
      if (data.realm === void 0) {
        const err91 = { instancePath, schemaPath: "#/oneOf/2/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
        if (vErrors === null) {
          vErrors = [err91];
        } else {
          vErrors.push(err91);
        }
        errors++;
      }
      if (data.correlationId === void 0) {
        const err92 = { instancePath, schemaPath: "#/oneOf/2/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
        if (vErrors === null) {
          vErrors = [err92];
        } else {
          vErrors.push(err92);
        }
        errors++;
      }
      if (data.message === void 0) {
        const err93 = { instancePath, schemaPath: "#/oneOf/2/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
        if (vErrors === null) {
          vErrors = [err93];
        } else {
          vErrors.push(err93);
        }
        errors++;
      }
      for (const key5 in data) {
        if (!(key5 === "reason" || key5 === "connectionId" || key5 === "userId" || key5 === "realm" || key5 === "correlationId" || key5 === "message")) {
          const err94 = { instancePath, schemaPath: "#/oneOf/2/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
          if (vErrors === null) {
            vErrors = [err94];
          } else {
            vErrors.push(err94);
          }
          errors++;
        }
      }
      if (data.reason !== void 0) {
        let data30 = data.reason;
        if (typeof data30 !== "string") {
          const err95 = { instancePath: instancePath + "/reason", schemaPath: "#/oneOf/2/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err95];
          } else {
            vErrors.push(err95);
          }
          errors++;
        }
        if ("retry" !== data30) {
          const err96 = { instancePath: instancePath + "/reason", schemaPath: "#/oneOf/2/properties/reason/const", keyword: "const", params: { allowedValue: "retry" }, message: "must be equal to constant" };
          if (vErrors === null) {
            vErrors = [err96];
          } else {
            vErrors.push(err96);
          }
          errors++;
        }
      }
      if (data.connectionId !== void 0) {
        let data31 = data.connectionId;
        if (typeof data31 === "string") {
          if (!pattern0.test(data31)) {
            const err97 = { instancePath: instancePath + "/connectionId", schemaPath: "#/oneOf/2/properties/connectionId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
            if (vErrors === null) {
              vErrors = [err97];
            } else {
              vErrors.push(err97);
            }
            errors++;
          }
        } else {
          const err98 = { instancePath: instancePath + "/connectionId", schemaPath: "#/oneOf/2/properties/connectionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err98];
          } else {
            vErrors.push(err98);
          }
          errors++;
        }
      }
      if (data.userId !== void 0) {
        let data32 = data.userId;
        if (typeof data32 === "string") {
          if (!pattern1.test(data32)) {
            const err99 = { instancePath: instancePath + "/userId", schemaPath: "#/oneOf/2/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
            if (vErrors === null) {
              vErrors = [err99];
            } else {
              vErrors.push(err99);
            }
            errors++;
          }
        } else {
          const err100 = { instancePath: instancePath + "/userId", schemaPath: "#/oneOf/2/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err100];
          } else {
            vErrors.push(err100);
          }
          errors++;
        }
      }
      if (data.realm !== void 0) {
        let data33 = data.realm;
        if (typeof data33 === "string") {
          if (!pattern2.test(data33)) {
            const err101 = { instancePath: instancePath + "/realm", schemaPath: "#/oneOf/2/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
            if (vErrors === null) {
              vErrors = [err101];
            } else {
              vErrors.push(err101);
            }
            errors++;
          }
        } else {
          const err102 = { instancePath: instancePath + "/realm", schemaPath: "#/oneOf/2/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err102];
          } else {
            vErrors.push(err102);
          }
          errors++;
        }
      }
      if (data.correlationId !== void 0) {
        let data34 = data.correlationId;
        if (typeof data34 === "string") {
          if (!pattern4.test(data34)) {
            const err103 = { instancePath: instancePath + "/correlationId", schemaPath: "#/oneOf/2/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
            if (vErrors === null) {
              vErrors = [err103];
            } else {
              vErrors.push(err103);
            }
            errors++;
          }
        } else {
          const err104 = { instancePath: instancePath + "/correlationId", schemaPath: "#/oneOf/2/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err104];
          } else {
            vErrors.push(err104);
          }
          errors++;
        }
      }
      if (data.message !== void 0) {
        let data35 = data.message;
        if (data35 && typeof data35 == "object" && !Array.isArray(data35)) {
          if (data35.messageId === void 0) {
            const err105 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/2/properties/message/required", keyword: "required", params: { missingProperty: "messageId" }, message: "must have required property 'messageId'" };
            if (vErrors === null) {
              vErrors = [err105];
            } else {
              vErrors.push(err105);
            }
            errors++;
          }
          if (data35.correlationId === void 0) {
            const err106 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/2/properties/message/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
            if (vErrors === null) {
              vErrors = [err106];
            } else {
              vErrors.push(err106);
            }
            errors++;
          }
          if (data35.realm === void 0) {
            const err107 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/2/properties/message/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
            if (vErrors === null) {
              vErrors = [err107];
            } else {
              vErrors.push(err107);
            }
            errors++;
          }
          if (data35.userId === void 0) {
            const err108 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/2/properties/message/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
            if (vErrors === null) {
              vErrors = [err108];
            } else {
              vErrors.push(err108);
            }
            errors++;
          }
          if (data35.type === void 0) {
            const err109 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/2/properties/message/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
            if (vErrors === null) {
              vErrors = [err109];
            } else {
              vErrors.push(err109);
            }
            errors++;
          }
          if (data35.publishedAt === void 0) {
            const err110 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/2/properties/message/required", keyword: "required", params: { missingProperty: "publishedAt" }, message: "must have required property 'publishedAt'" };
            if (vErrors === null) {
              vErrors = [err110];
            } else {
              vErrors.push(err110);
            }
            errors++;
          }
          if (data35.payload === void 0) {
            const err111 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/2/properties/message/required", keyword: "required", params: { missingProperty: "payload" }, message: "must have required property 'payload'" };
            if (vErrors === null) {
              vErrors = [err111];
            } else {
              vErrors.push(err111);
            }
            errors++;
          }
          for (const key6 in data35) {
            if (!(key6 === "messageId" || key6 === "correlationId" || key6 === "realm" || key6 === "userId" || key6 === "type" || key6 === "publishedAt" || key6 === "payload")) {
              const err112 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/2/properties/message/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err112];
              } else {
                vErrors.push(err112);
              }
              errors++;
            }
          }
          if (data35.messageId !== void 0) {
            let data36 = data35.messageId;
            if (typeof data36 === "string") {
              if (!pattern4.test(data36)) {
                const err113 = { instancePath: instancePath + "/message/messageId", schemaPath: "#/oneOf/2/properties/message/properties/messageId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
                if (vErrors === null) {
                  vErrors = [err113];
                } else {
                  vErrors.push(err113);
                }
                errors++;
              }
            } else {
              const err114 = { instancePath: instancePath + "/message/messageId", schemaPath: "#/oneOf/2/properties/message/properties/messageId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err114];
              } else {
                vErrors.push(err114);
              }
              errors++;
            }
          }
          if (data35.correlationId !== void 0) {
            let data37 = data35.correlationId;
            if (typeof data37 === "string") {
              if (!pattern4.test(data37)) {
                const err115 = { instancePath: instancePath + "/message/correlationId", schemaPath: "#/oneOf/2/properties/message/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
                if (vErrors === null) {
                  vErrors = [err115];
                } else {
                  vErrors.push(err115);
                }
                errors++;
              }
            } else {
              const err116 = { instancePath: instancePath + "/message/correlationId", schemaPath: "#/oneOf/2/properties/message/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err116];
              } else {
                vErrors.push(err116);
              }
              errors++;
            }
          }
          if (data35.realm !== void 0) {
            let data38 = data35.realm;
            if (typeof data38 === "string") {
              if (!pattern2.test(data38)) {
                const err117 = { instancePath: instancePath + "/message/realm", schemaPath: "#/oneOf/2/properties/message/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
                if (vErrors === null) {
                  vErrors = [err117];
                } else {
                  vErrors.push(err117);
                }
                errors++;
              }
            } else {
              const err118 = { instancePath: instancePath + "/message/realm", schemaPath: "#/oneOf/2/properties/message/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err118];
              } else {
                vErrors.push(err118);
              }
              errors++;
            }
          }
          if (data35.userId !== void 0) {
            let data39 = data35.userId;
            if (typeof data39 === "string") {
              if (!pattern1.test(data39)) {
                const err119 = { instancePath: instancePath + "/message/userId", schemaPath: "#/oneOf/2/properties/message/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
                if (vErrors === null) {
                  vErrors = [err119];
                } else {
                  vErrors.push(err119);
                }
                errors++;
              }
            } else {
              const err120 = { instancePath: instancePath + "/message/userId", schemaPath: "#/oneOf/2/properties/message/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err120];
              } else {
                vErrors.push(err120);
              }
              errors++;
            }
          }
          if (data35.type !== void 0) {
            let data40 = data35.type;
            if (typeof data40 === "string") {
              if (!pattern26.test(data40)) {
                const err121 = { instancePath: instancePath + "/message/type", schemaPath: "#/oneOf/2/properties/message/properties/type/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}$"' };
                if (vErrors === null) {
                  vErrors = [err121];
                } else {
                  vErrors.push(err121);
                }
                errors++;
              }
            } else {
              const err122 = { instancePath: instancePath + "/message/type", schemaPath: "#/oneOf/2/properties/message/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err122];
              } else {
                vErrors.push(err122);
              }
              errors++;
            }
          }
          if (data35.publishedAt !== void 0) {
            let data41 = data35.publishedAt;
            if (typeof data41 === "string") {
              if (!formats0.validate(data41)) {
                const err123 = { instancePath: instancePath + "/message/publishedAt", schemaPath: "#/oneOf/2/properties/message/properties/publishedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
                if (vErrors === null) {
                  vErrors = [err123];
                } else {
                  vErrors.push(err123);
                }
                errors++;
              }
            } else {
              const err124 = { instancePath: instancePath + "/message/publishedAt", schemaPath: "#/oneOf/2/properties/message/properties/publishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err124];
              } else {
                vErrors.push(err124);
              }
              errors++;
            }
          }
          if (data35.payload !== void 0) {
            let data42 = data35.payload;
            if (!(data42 && typeof data42 == "object" && !Array.isArray(data42))) {
              const err125 = { instancePath: instancePath + "/message/payload", schemaPath: "#/oneOf/2/properties/message/properties/payload/type", keyword: "type", params: { type: "object" }, message: "must be object" };
              if (vErrors === null) {
                vErrors = [err125];
              } else {
                vErrors.push(err125);
              }
              errors++;
            }
          }
        } else {
          const err126 = { instancePath: instancePath + "/message", schemaPath: "#/oneOf/2/properties/message/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err126];
          } else {
            vErrors.push(err126);
          }
          errors++;
        }
      }
    } else {
      const err127 = { instancePath, schemaPath: "#/oneOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err127];
      } else {
        vErrors.push(err127);
      }
      errors++;
    }
    var _valid0 = _errs70 === errors;
    if (_valid0 && valid0) {
      valid0 = false;
      passing0 = [passing0, 2];
    } else {
      if (_valid0) {
        valid0 = true;
        passing0 = 2;
      }
    }
  }
  if (!valid0) {
    const err128 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
    if (vErrors === null) {
      vErrors = [err128];
    } else {
      vErrors.push(err128);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate12.errors = vErrors;
  return errors === 0;
}
var validateDrainDeliveryJob = validate13;
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.reason === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.connectionId === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "connectionId" }, message: "must have required property 'connectionId'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.userId === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.realm === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.correlationId === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "reason" || key0 === "connectionId" || key0 === "userId" || key0 === "realm" || key0 === "correlationId")) {
        const err5 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data0 = data.reason;
      if (typeof data0 !== "string") {
        const err6 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if ("drain" !== data0) {
        const err7 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/const", keyword: "const", params: { allowedValue: "drain" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.connectionId !== void 0) {
      let data1 = data.connectionId;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err8 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.userId !== void 0) {
      let data2 = data.userId;
      if (typeof data2 === "string") {
        if (!pattern1.test(data2)) {
          const err10 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.realm !== void 0) {
      let data3 = data.realm;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err12 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.correlationId !== void 0) {
      let data4 = data.correlationId;
      if (typeof data4 === "string") {
        if (!pattern4.test(data4)) {
          const err14 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
var validateErrorFrame = validate14;
var schema15 = { "title": "ErrorFrame", "type": "object", "additionalProperties": false, "required": ["kind", "code", "message", "retryable"], "properties": { "kind": { "type": "string", "const": "error" }, "code": { "title": "ErrorCode", "type": "string", "enum": ["INVALID_JSON", "INVALID_FRAME", "UNKNOWN_ACTION", "BINARY_NOT_SUPPORTED", "CONNECTION_NOT_FOUND", "RATE_LIMITED", "TOKEN_EXPIRED", "INTERNAL_ERROR"] }, "message": { "type": "string", "maxLength": 512 }, "retryable": { "type": "boolean" }, "requestId": { "title": "RequestId", "type": "string", "description": "Optional id chosen by the client, echoed in the reply.", "pattern": "^[A-Za-z0-9._:-]{1,64}$" }, "closeCode": { "type": "integer", "minimum": 4e3, "maximum": 4999, "description": "Present when the platform closes the connection right after this frame. API Gateway's DELETE @connections cannot carry a close code (the socket closes with 1000), so this is the close's meaning: a code of x-close-codes (4129 RATE_LIMITED, 4101 TOKEN_EXPIRED). Clients treat the following close as this code." } }, "$id": "ErrorFrame" };
var pattern31 = new RegExp("^[A-Za-z0-9._:-]{1,64}$", "u");
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.code === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.message === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.retryable === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "retryable" }, message: "must have required property 'retryable'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "code" || key0 === "message" || key0 === "retryable" || key0 === "requestId" || key0 === "closeCode")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err5 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if ("error" !== data0) {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "error" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.code !== void 0) {
      let data1 = data.code;
      if (typeof data1 !== "string") {
        const err7 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (!(data1 === "INVALID_JSON" || data1 === "INVALID_FRAME" || data1 === "UNKNOWN_ACTION" || data1 === "BINARY_NOT_SUPPORTED" || data1 === "CONNECTION_NOT_FOUND" || data1 === "RATE_LIMITED" || data1 === "TOKEN_EXPIRED" || data1 === "INTERNAL_ERROR")) {
        const err8 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/enum", keyword: "enum", params: { allowedValues: schema15.properties.code.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.message !== void 0) {
      let data2 = data.message;
      if (typeof data2 === "string") {
        if (func3(data2) > 512) {
          const err9 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/maxLength", keyword: "maxLength", params: { limit: 512 }, message: "must NOT have more than 512 characters" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.retryable !== void 0) {
      if (typeof data.retryable !== "boolean") {
        const err11 = { instancePath: instancePath + "/retryable", schemaPath: "#/properties/retryable/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data4 = data.requestId;
      if (typeof data4 === "string") {
        if (!pattern31.test(data4)) {
          const err12 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.closeCode !== void 0) {
      let data5 = data.closeCode;
      if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
        const err14 = { instancePath: instancePath + "/closeCode", schemaPath: "#/properties/closeCode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
      if (typeof data5 == "number" && isFinite(data5)) {
        if (data5 > 4999 || isNaN(data5)) {
          const err15 = { instancePath: instancePath + "/closeCode", schemaPath: "#/properties/closeCode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 4999 }, message: "must be <= 4999" };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        if (data5 < 4e3 || isNaN(data5)) {
          const err16 = { instancePath: instancePath + "/closeCode", schemaPath: "#/properties/closeCode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 4e3 }, message: "must be >= 4000" };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}
var validateExtendTtlAction = validate15;
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "action" || key0 === "requestId")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data0 = data.action;
      if (typeof data0 !== "string") {
        const err2 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if ("extendTTL" !== data0) {
        const err3 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/const", keyword: "const", params: { allowedValue: "extendTTL" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data1 = data.requestId;
      if (typeof data1 === "string") {
        if (!pattern31.test(data1)) {
          const err4 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}
var validateFanoutJob = validate16;
function validate16(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.shard === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "shard" }, message: "must have required property 'shard'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.connectionIds === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "connectionIds" }, message: "must have required property 'connectionIds'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "shard" || key0 === "shards" || key0 === "partition" || key0 === "connectionIds" || key0 === "envelope" || key0 === "storedEnvelope" || key0 === "position" || key0 === "attempt")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.shard !== void 0) {
      let data0 = data.shard;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err3 = { instancePath: instancePath + "/shard", schemaPath: "#/properties/shard/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (data0 < 0 || isNaN(data0)) {
          const err4 = { instancePath: instancePath + "/shard", schemaPath: "#/properties/shard/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
    if (data.shards !== void 0) {
      let data1 = data.shards;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err5 = { instancePath: instancePath + "/shards", schemaPath: "#/properties/shards/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 < 1 || isNaN(data1)) {
          const err6 = { instancePath: instancePath + "/shards", schemaPath: "#/properties/shards/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      }
    }
    if (data.partition !== void 0) {
      let data2 = data.partition;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err7 = { instancePath: instancePath + "/partition", schemaPath: "#/properties/partition/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 > 1e3 || isNaN(data2)) {
          const err8 = { instancePath: instancePath + "/partition", schemaPath: "#/properties/partition/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (data2 < 0 || isNaN(data2)) {
          const err9 = { instancePath: instancePath + "/partition", schemaPath: "#/properties/partition/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    }
    if (data.connectionIds !== void 0) {
      let data3 = data.connectionIds;
      if (Array.isArray(data3)) {
        if (data3.length > 2e3) {
          const err10 = { instancePath: instancePath + "/connectionIds", schemaPath: "#/properties/connectionIds/maxItems", keyword: "maxItems", params: { limit: 2e3 }, message: "must NOT have more than 2000 items" };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
        if (data3.length < 1) {
          const err11 = { instancePath: instancePath + "/connectionIds", schemaPath: "#/properties/connectionIds/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        const len0 = data3.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data4 = data3[i0];
          if (typeof data4 === "string") {
            if (!pattern0.test(data4)) {
              const err12 = { instancePath: instancePath + "/connectionIds/" + i0, schemaPath: "#/properties/connectionIds/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/connectionIds/" + i0, schemaPath: "#/properties/connectionIds/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/connectionIds", schemaPath: "#/properties/connectionIds/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.envelope !== void 0) {
      let data5 = data.envelope;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.messageId === void 0) {
          const err15 = { instancePath: instancePath + "/envelope", schemaPath: "#/properties/envelope/required", keyword: "required", params: { missingProperty: "messageId" }, message: "must have required property 'messageId'" };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        if (data5.correlationId === void 0) {
          const err16 = { instancePath: instancePath + "/envelope", schemaPath: "#/properties/envelope/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
        if (data5.realm === void 0) {
          const err17 = { instancePath: instancePath + "/envelope", schemaPath: "#/properties/envelope/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (data5.topic === void 0) {
          const err18 = { instancePath: instancePath + "/envelope", schemaPath: "#/properties/envelope/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (data5.publishedAt === void 0) {
          const err19 = { instancePath: instancePath + "/envelope", schemaPath: "#/properties/envelope/required", keyword: "required", params: { missingProperty: "publishedAt" }, message: "must have required property 'publishedAt'" };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        if (data5.payload === void 0) {
          const err20 = { instancePath: instancePath + "/envelope", schemaPath: "#/properties/envelope/required", keyword: "required", params: { missingProperty: "payload" }, message: "must have required property 'payload'" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        for (const key1 in data5) {
          if (!(key1 === "messageId" || key1 === "correlationId" || key1 === "realm" || key1 === "topic" || key1 === "publishedAt" || key1 === "payload")) {
            const err21 = { instancePath: instancePath + "/envelope", schemaPath: "#/properties/envelope/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data5.messageId !== void 0) {
          let data6 = data5.messageId;
          if (typeof data6 === "string") {
            if (!pattern4.test(data6)) {
              const err22 = { instancePath: instancePath + "/envelope/messageId", schemaPath: "#/properties/envelope/properties/messageId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
          } else {
            const err23 = { instancePath: instancePath + "/envelope/messageId", schemaPath: "#/properties/envelope/properties/messageId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data5.correlationId !== void 0) {
          let data7 = data5.correlationId;
          if (typeof data7 === "string") {
            if (!pattern4.test(data7)) {
              const err24 = { instancePath: instancePath + "/envelope/correlationId", schemaPath: "#/properties/envelope/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          } else {
            const err25 = { instancePath: instancePath + "/envelope/correlationId", schemaPath: "#/properties/envelope/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data5.realm !== void 0) {
          let data8 = data5.realm;
          if (typeof data8 === "string") {
            if (!pattern2.test(data8)) {
              const err26 = { instancePath: instancePath + "/envelope/realm", schemaPath: "#/properties/envelope/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          } else {
            const err27 = { instancePath: instancePath + "/envelope/realm", schemaPath: "#/properties/envelope/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
        if (data5.topic !== void 0) {
          let data9 = data5.topic;
          if (typeof data9 === "string") {
            if (!pattern3.test(data9)) {
              const err28 = { instancePath: instancePath + "/envelope/topic", schemaPath: "#/properties/envelope/properties/topic/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          } else {
            const err29 = { instancePath: instancePath + "/envelope/topic", schemaPath: "#/properties/envelope/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data5.publishedAt !== void 0) {
          let data10 = data5.publishedAt;
          if (typeof data10 === "string") {
            if (!formats0.validate(data10)) {
              const err30 = { instancePath: instancePath + "/envelope/publishedAt", schemaPath: "#/properties/envelope/properties/publishedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
          } else {
            const err31 = { instancePath: instancePath + "/envelope/publishedAt", schemaPath: "#/properties/envelope/properties/publishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
        if (data5.payload !== void 0) {
          let data11 = data5.payload;
          if (!(data11 && typeof data11 == "object" && !Array.isArray(data11))) {
            const err32 = { instancePath: instancePath + "/envelope/payload", schemaPath: "#/properties/envelope/properties/payload/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
      } else {
        const err33 = { instancePath: instancePath + "/envelope", schemaPath: "#/properties/envelope/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
    if (data.storedEnvelope !== void 0) {
      let data12 = data.storedEnvelope;
      if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
        if (data12.realm === void 0) {
          const err34 = { instancePath: instancePath + "/storedEnvelope", schemaPath: "#/properties/storedEnvelope/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
          if (vErrors === null) {
            vErrors = [err34];
          } else {
            vErrors.push(err34);
          }
          errors++;
        }
        if (data12.topic === void 0) {
          const err35 = { instancePath: instancePath + "/storedEnvelope", schemaPath: "#/properties/storedEnvelope/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
        if (data12.messageId === void 0) {
          const err36 = { instancePath: instancePath + "/storedEnvelope", schemaPath: "#/properties/storedEnvelope/required", keyword: "required", params: { missingProperty: "messageId" }, message: "must have required property 'messageId'" };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
        if (data12.correlationId === void 0) {
          const err37 = { instancePath: instancePath + "/storedEnvelope", schemaPath: "#/properties/storedEnvelope/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
        for (const key2 in data12) {
          if (!(key2 === "realm" || key2 === "topic" || key2 === "messageId" || key2 === "correlationId")) {
            const err38 = { instancePath: instancePath + "/storedEnvelope", schemaPath: "#/properties/storedEnvelope/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
        if (data12.realm !== void 0) {
          let data13 = data12.realm;
          if (typeof data13 === "string") {
            if (!pattern2.test(data13)) {
              const err39 = { instancePath: instancePath + "/storedEnvelope/realm", schemaPath: "#/properties/storedEnvelope/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          } else {
            const err40 = { instancePath: instancePath + "/storedEnvelope/realm", schemaPath: "#/properties/storedEnvelope/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data12.topic !== void 0) {
          let data14 = data12.topic;
          if (typeof data14 === "string") {
            if (!pattern3.test(data14)) {
              const err41 = { instancePath: instancePath + "/storedEnvelope/topic", schemaPath: "#/properties/storedEnvelope/properties/topic/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
              if (vErrors === null) {
                vErrors = [err41];
              } else {
                vErrors.push(err41);
              }
              errors++;
            }
          } else {
            const err42 = { instancePath: instancePath + "/storedEnvelope/topic", schemaPath: "#/properties/storedEnvelope/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
        }
        if (data12.messageId !== void 0) {
          let data15 = data12.messageId;
          if (typeof data15 === "string") {
            if (!pattern4.test(data15)) {
              const err43 = { instancePath: instancePath + "/storedEnvelope/messageId", schemaPath: "#/properties/storedEnvelope/properties/messageId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          } else {
            const err44 = { instancePath: instancePath + "/storedEnvelope/messageId", schemaPath: "#/properties/storedEnvelope/properties/messageId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
        }
        if (data12.correlationId !== void 0) {
          let data16 = data12.correlationId;
          if (typeof data16 === "string") {
            if (!pattern4.test(data16)) {
              const err45 = { instancePath: instancePath + "/storedEnvelope/correlationId", schemaPath: "#/properties/storedEnvelope/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
          } else {
            const err46 = { instancePath: instancePath + "/storedEnvelope/correlationId", schemaPath: "#/properties/storedEnvelope/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
        }
      } else {
        const err47 = { instancePath: instancePath + "/storedEnvelope", schemaPath: "#/properties/storedEnvelope/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
    if (data.position !== void 0) {
      let data17 = data.position;
      if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
        if (data17.offset === void 0) {
          const err48 = { instancePath: instancePath + "/position", schemaPath: "#/properties/position/required", keyword: "required", params: { missingProperty: "offset" }, message: "must have required property 'offset'" };
          if (vErrors === null) {
            vErrors = [err48];
          } else {
            vErrors.push(err48);
          }
          errors++;
        }
        if (data17.epoch === void 0) {
          const err49 = { instancePath: instancePath + "/position", schemaPath: "#/properties/position/required", keyword: "required", params: { missingProperty: "epoch" }, message: "must have required property 'epoch'" };
          if (vErrors === null) {
            vErrors = [err49];
          } else {
            vErrors.push(err49);
          }
          errors++;
        }
        for (const key3 in data17) {
          if (!(key3 === "offset" || key3 === "epoch")) {
            const err50 = { instancePath: instancePath + "/position", schemaPath: "#/properties/position/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
        if (data17.offset !== void 0) {
          let data18 = data17.offset;
          if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
            const err51 = { instancePath: instancePath + "/position/offset", schemaPath: "#/properties/position/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
          if (typeof data18 == "number" && isFinite(data18)) {
            if (data18 > 9007199254740991 || isNaN(data18)) {
              const err52 = { instancePath: instancePath + "/position/offset", schemaPath: "#/properties/position/properties/offset/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
            if (data18 < 0 || isNaN(data18)) {
              const err53 = { instancePath: instancePath + "/position/offset", schemaPath: "#/properties/position/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          }
        }
        if (data17.epoch !== void 0) {
          let data19 = data17.epoch;
          if (typeof data19 === "string") {
            if (!pattern6.test(data19)) {
              const err54 = { instancePath: instancePath + "/position/epoch", schemaPath: "#/properties/position/properties/epoch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,32}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' };
              if (vErrors === null) {
                vErrors = [err54];
              } else {
                vErrors.push(err54);
              }
              errors++;
            }
          } else {
            const err55 = { instancePath: instancePath + "/position/epoch", schemaPath: "#/properties/position/properties/epoch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
      } else {
        const err56 = { instancePath: instancePath + "/position", schemaPath: "#/properties/position/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
    }
    if (data.attempt !== void 0) {
      let data20 = data.attempt;
      if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
        const err57 = { instancePath: instancePath + "/attempt", schemaPath: "#/properties/attempt/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err57];
        } else {
          vErrors.push(err57);
        }
        errors++;
      }
      if (typeof data20 == "number" && isFinite(data20)) {
        if (data20 > 10 || isNaN(data20)) {
          const err58 = { instancePath: instancePath + "/attempt", schemaPath: "#/properties/attempt/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10 }, message: "must be <= 10" };
          if (vErrors === null) {
            vErrors = [err58];
          } else {
            vErrors.push(err58);
          }
          errors++;
        }
        if (data20 < 0 || isNaN(data20)) {
          const err59 = { instancePath: instancePath + "/attempt", schemaPath: "#/properties/attempt/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err59];
          } else {
            vErrors.push(err59);
          }
          errors++;
        }
      }
    }
  } else {
    const err60 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err60];
    } else {
      vErrors.push(err60);
    }
    errors++;
  }
  validate16.errors = vErrors;
  return errors === 0;
}
var validateKafkaRejectedRecord = validate17;
var schema18 = { "title": "KafkaRejectedRecord", "type": "object", "additionalProperties": false, "required": ["reason", "message", "errors", "eventSource", "topic", "partition", "offset", "valueBytes", "rejectedAt"], "properties": { "reason": { "title": "KafkaRejectionReason", "type": "string", "enum": ["INVALID_JSON", "INVALID_ENVELOPE", "KEY_MISMATCH", "HEADER_MISMATCH", "TOO_LARGE", "UNKNOWN_TOPIC"], "description": "`INVALID_JSON`: the value is not JSON (or absent). `INVALID_ENVELOPE`: the envelope or its payload\nfails the contract (`errors`). `KEY_MISMATCH`: the key is not the channel's key of the envelope.\n`HEADER_MISMATCH`: a `wspush-*` header disagrees with the envelope. `TOO_LARGE`: the value exceeds\n`x-limits.maxEnvelopeBytes` (not parsed, not copied). `UNKNOWN_TOPIC`: the record comes from a topic\nthat is not one of the stack's two.\n" }, "message": { "type": "string", "maxLength": 2048 }, "errors": { "type": "array", "maxItems": 20, "items": { "title": "RejectedField", "type": "object", "additionalProperties": false, "required": ["field", "keyword", "message"], "properties": { "field": { "type": "string", "maxLength": 512 }, "keyword": { "type": "string", "maxLength": 64 }, "message": { "type": "string", "maxLength": 512 } } } }, "eventSource": { "title": "KafkaEventSource", "type": "string", "enum": ["aws:kafka", "SelfManagedKafka"] }, "topic": { "type": "string", "maxLength": 249 }, "partition": { "type": "integer", "minimum": 0 }, "offset": { "type": "integer", "minimum": 0 }, "timestamp": { "type": "integer", "description": "Record timestamp, epoch milliseconds." }, "key": { "type": "string", "maxLength": 256, "description": "The record key (UTF-8, cut at 256 characters)." }, "correlationId": { "title": "CorrelationId", "type": "string", "description": "Follows a message from publish to delivery in every log line.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "messageId": { "title": "MessageId", "type": "string", "description": "Unique per message; clients and the offline inbox de-duplicate on it.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "valueBytes": { "type": "integer", "minimum": 0 }, "value": { "type": "string", "maxLength": 16e4, "description": "The record value, base64, so it can be fixed and produced again (absent when `TOO_LARGE`)." }, "rejectedAt": { "type": "string", "format": "date-time" } }, "$id": "KafkaRejectedRecord" };
function validate17(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.reason === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.message === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.errors === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "errors" }, message: "must have required property 'errors'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.eventSource === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "eventSource" }, message: "must have required property 'eventSource'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.topic === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.partition === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "partition" }, message: "must have required property 'partition'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.offset === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "offset" }, message: "must have required property 'offset'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.valueBytes === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "valueBytes" }, message: "must have required property 'valueBytes'" };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.rejectedAt === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rejectedAt" }, message: "must have required property 'rejectedAt'" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema18.properties, key0)) {
        const err9 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data0 = data.reason;
      if (typeof data0 !== "string") {
        const err10 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      if (!(data0 === "INVALID_JSON" || data0 === "INVALID_ENVELOPE" || data0 === "KEY_MISMATCH" || data0 === "HEADER_MISMATCH" || data0 === "TOO_LARGE" || data0 === "UNKNOWN_TOPIC")) {
        const err11 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/enum", keyword: "enum", params: { allowedValues: schema18.properties.reason.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.message !== void 0) {
      let data1 = data.message;
      if (typeof data1 === "string") {
        if (func3(data1) > 2048) {
          const err12 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.errors !== void 0) {
      let data2 = data.errors;
      if (Array.isArray(data2)) {
        if (data2.length > 20) {
          const err14 = { instancePath: instancePath + "/errors", schemaPath: "#/properties/errors/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
            if (data3.field === void 0) {
              const err15 = { instancePath: instancePath + "/errors/" + i0, schemaPath: "#/properties/errors/items/required", keyword: "required", params: { missingProperty: "field" }, message: "must have required property 'field'" };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
            if (data3.keyword === void 0) {
              const err16 = { instancePath: instancePath + "/errors/" + i0, schemaPath: "#/properties/errors/items/required", keyword: "required", params: { missingProperty: "keyword" }, message: "must have required property 'keyword'" };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            if (data3.message === void 0) {
              const err17 = { instancePath: instancePath + "/errors/" + i0, schemaPath: "#/properties/errors/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            for (const key1 in data3) {
              if (!(key1 === "field" || key1 === "keyword" || key1 === "message")) {
                const err18 = { instancePath: instancePath + "/errors/" + i0, schemaPath: "#/properties/errors/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
            if (data3.field !== void 0) {
              let data4 = data3.field;
              if (typeof data4 === "string") {
                if (func3(data4) > 512) {
                  const err19 = { instancePath: instancePath + "/errors/" + i0 + "/field", schemaPath: "#/properties/errors/items/properties/field/maxLength", keyword: "maxLength", params: { limit: 512 }, message: "must NOT have more than 512 characters" };
                  if (vErrors === null) {
                    vErrors = [err19];
                  } else {
                    vErrors.push(err19);
                  }
                  errors++;
                }
              } else {
                const err20 = { instancePath: instancePath + "/errors/" + i0 + "/field", schemaPath: "#/properties/errors/items/properties/field/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
            if (data3.keyword !== void 0) {
              let data5 = data3.keyword;
              if (typeof data5 === "string") {
                if (func3(data5) > 64) {
                  const err21 = { instancePath: instancePath + "/errors/" + i0 + "/keyword", schemaPath: "#/properties/errors/items/properties/keyword/maxLength", keyword: "maxLength", params: { limit: 64 }, message: "must NOT have more than 64 characters" };
                  if (vErrors === null) {
                    vErrors = [err21];
                  } else {
                    vErrors.push(err21);
                  }
                  errors++;
                }
              } else {
                const err22 = { instancePath: instancePath + "/errors/" + i0 + "/keyword", schemaPath: "#/properties/errors/items/properties/keyword/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data3.message !== void 0) {
              let data6 = data3.message;
              if (typeof data6 === "string") {
                if (func3(data6) > 512) {
                  const err23 = { instancePath: instancePath + "/errors/" + i0 + "/message", schemaPath: "#/properties/errors/items/properties/message/maxLength", keyword: "maxLength", params: { limit: 512 }, message: "must NOT have more than 512 characters" };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/errors/" + i0 + "/message", schemaPath: "#/properties/errors/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
          } else {
            const err25 = { instancePath: instancePath + "/errors/" + i0, schemaPath: "#/properties/errors/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
      } else {
        const err26 = { instancePath: instancePath + "/errors", schemaPath: "#/properties/errors/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.eventSource !== void 0) {
      let data7 = data.eventSource;
      if (typeof data7 !== "string") {
        const err27 = { instancePath: instancePath + "/eventSource", schemaPath: "#/properties/eventSource/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
      if (!(data7 === "aws:kafka" || data7 === "SelfManagedKafka")) {
        const err28 = { instancePath: instancePath + "/eventSource", schemaPath: "#/properties/eventSource/enum", keyword: "enum", params: { allowedValues: schema18.properties.eventSource.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.topic !== void 0) {
      let data8 = data.topic;
      if (typeof data8 === "string") {
        if (func3(data8) > 249) {
          const err29 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/maxLength", keyword: "maxLength", params: { limit: 249 }, message: "must NOT have more than 249 characters" };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
      } else {
        const err30 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.partition !== void 0) {
      let data9 = data.partition;
      if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
        const err31 = { instancePath: instancePath + "/partition", schemaPath: "#/properties/partition/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
      if (typeof data9 == "number" && isFinite(data9)) {
        if (data9 < 0 || isNaN(data9)) {
          const err32 = { instancePath: instancePath + "/partition", schemaPath: "#/properties/partition/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        }
      }
    }
    if (data.offset !== void 0) {
      let data10 = data.offset;
      if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)) && isFinite(data10))) {
        const err33 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
      if (typeof data10 == "number" && isFinite(data10)) {
        if (data10 < 0 || isNaN(data10)) {
          const err34 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err34];
          } else {
            vErrors.push(err34);
          }
          errors++;
        }
      }
    }
    if (data.timestamp !== void 0) {
      let data11 = data.timestamp;
      if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
        const err35 = { instancePath: instancePath + "/timestamp", schemaPath: "#/properties/timestamp/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.key !== void 0) {
      let data12 = data.key;
      if (typeof data12 === "string") {
        if (func3(data12) > 256) {
          const err36 = { instancePath: instancePath + "/key", schemaPath: "#/properties/key/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
      } else {
        const err37 = { instancePath: instancePath + "/key", schemaPath: "#/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.correlationId !== void 0) {
      let data13 = data.correlationId;
      if (typeof data13 === "string") {
        if (!pattern4.test(data13)) {
          const err38 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
      } else {
        const err39 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.messageId !== void 0) {
      let data14 = data.messageId;
      if (typeof data14 === "string") {
        if (!pattern4.test(data14)) {
          const err40 = { instancePath: instancePath + "/messageId", schemaPath: "#/properties/messageId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
      } else {
        const err41 = { instancePath: instancePath + "/messageId", schemaPath: "#/properties/messageId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.valueBytes !== void 0) {
      let data15 = data.valueBytes;
      if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
        const err42 = { instancePath: instancePath + "/valueBytes", schemaPath: "#/properties/valueBytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err42];
        } else {
          vErrors.push(err42);
        }
        errors++;
      }
      if (typeof data15 == "number" && isFinite(data15)) {
        if (data15 < 0 || isNaN(data15)) {
          const err43 = { instancePath: instancePath + "/valueBytes", schemaPath: "#/properties/valueBytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err43];
          } else {
            vErrors.push(err43);
          }
          errors++;
        }
      }
    }
    if (data.value !== void 0) {
      let data16 = data.value;
      if (typeof data16 === "string") {
        if (func3(data16) > 16e4) {
          const err44 = { instancePath: instancePath + "/value", schemaPath: "#/properties/value/maxLength", keyword: "maxLength", params: { limit: 16e4 }, message: "must NOT have more than 160000 characters" };
          if (vErrors === null) {
            vErrors = [err44];
          } else {
            vErrors.push(err44);
          }
          errors++;
        }
      } else {
        const err45 = { instancePath: instancePath + "/value", schemaPath: "#/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.rejectedAt !== void 0) {
      let data17 = data.rejectedAt;
      if (typeof data17 === "string") {
        if (!formats0.validate(data17)) {
          const err46 = { instancePath: instancePath + "/rejectedAt", schemaPath: "#/properties/rejectedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err46];
          } else {
            vErrors.push(err46);
          }
          errors++;
        }
      } else {
        const err47 = { instancePath: instancePath + "/rejectedAt", schemaPath: "#/properties/rejectedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
  } else {
    const err48 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err48];
    } else {
      vErrors.push(err48);
    }
    errors++;
  }
  validate17.errors = vErrors;
  return errors === 0;
}
var validateKeepAliveAction = validate18;
function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "action")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data0 = data.action;
      if (typeof data0 !== "string") {
        const err2 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if ("keepAlive" !== data0) {
        const err3 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/const", keyword: "const", params: { allowedValue: "keepAlive" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate18.errors = vErrors;
  return errors === 0;
}
var validatePingAction = validate19;
function validate19(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "action" || key0 === "requestId")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data0 = data.action;
      if (typeof data0 !== "string") {
        const err2 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if ("ping" !== data0) {
        const err3 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/const", keyword: "const", params: { allowedValue: "ping" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data1 = data.requestId;
      if (typeof data1 === "string") {
        if (!pattern31.test(data1)) {
          const err4 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate19.errors = vErrors;
  return errors === 0;
}
var validatePongFrame = validate20;
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.serverTime === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "serverTime" }, message: "must have required property 'serverTime'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "serverTime" || key0 === "requestId")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err3 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if ("pong" !== data0) {
        const err4 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "pong" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.serverTime !== void 0) {
      let data1 = data.serverTime;
      if (typeof data1 === "string") {
        if (!formats0.validate(data1)) {
          const err5 = { instancePath: instancePath + "/serverTime", schemaPath: "#/properties/serverTime/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/serverTime", schemaPath: "#/properties/serverTime/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data2 = data.requestId;
      if (typeof data2 === "string") {
        if (!pattern31.test(data2)) {
          const err7 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
var validateRecoveryFrame = validate21;
var schema22 = { "title": "RecoveryFrame", "type": "object", "additionalProperties": false, "required": ["kind", "topic", "recovered", "replayed"], "description": "Sent after the replay of each topic the client sent a position for (`since`), and for each position\nthat was ignored. `recovered: true`: every message after the position, up to the stream's newest, was\nreplayed (or there was none); later ones arrive live.\n`recovered: false`: `code` says why; whatever history remains was replayed, the application should\nreload the topic's state. `offset` / `epoch`: the stream's newest position (absent while the stream has\nnone).\n", "properties": { "kind": { "type": "string", "const": "recovery" }, "topic": { "type": "string", "maxLength": 256, "description": "The topic as sent (cut to 256 characters)." }, "recovered": { "type": "boolean" }, "replayed": { "type": "integer", "minimum": 0, "description": "Frames of this topic replayed just before this one." }, "code": { "title": "RecoveryCode", "type": "string", "description": "Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.", "enum": ["EPOCH_CHANGED", "HISTORY_TRIMMED", "SINCE_INVALID", "SINCE_UNKNOWN_TOPIC", "SINCE_AHEAD"] }, "reason": { "type": "string", "maxLength": 256 }, "offset": { "title": "StreamOffset", "type": "integer", "minimum": 0, "maximum": 9007199254740991, "description": "A message's position in the stream of its realm and concrete topic: 1 for the first publication of an\nepoch, then one more per publication (assigned atomically when the message is routed; a retried routing\nkeeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).\n" }, "epoch": { "title": "StreamEpoch", "type": "string", "description": "Names one generation of a stream; a new epoch starts when the history was lost or reset.", "pattern": "^[A-Za-z0-9_-]{1,32}$" }, "requestId": { "title": "RequestId", "type": "string", "description": "Optional id chosen by the client, echoed in the reply.", "pattern": "^[A-Za-z0-9._:-]{1,64}$" } }, "$id": "RecoveryFrame" };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.topic === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.recovered === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "recovered" }, message: "must have required property 'recovered'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.replayed === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "replayed" }, message: "must have required property 'replayed'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema22.properties, key0)) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err5 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if ("recovery" !== data0) {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "recovery" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.topic !== void 0) {
      let data1 = data.topic;
      if (typeof data1 === "string") {
        if (func3(data1) > 256) {
          const err7 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.recovered !== void 0) {
      if (typeof data.recovered !== "boolean") {
        const err9 = { instancePath: instancePath + "/recovered", schemaPath: "#/properties/recovered/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.replayed !== void 0) {
      let data3 = data.replayed;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err10 = { instancePath: instancePath + "/replayed", schemaPath: "#/properties/replayed/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 < 0 || isNaN(data3)) {
          const err11 = { instancePath: instancePath + "/replayed", schemaPath: "#/properties/replayed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      }
    }
    if (data.code !== void 0) {
      let data4 = data.code;
      if (typeof data4 !== "string") {
        const err12 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      if (!(data4 === "EPOCH_CHANGED" || data4 === "HISTORY_TRIMMED" || data4 === "SINCE_INVALID" || data4 === "SINCE_UNKNOWN_TOPIC" || data4 === "SINCE_AHEAD")) {
        const err13 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/enum", keyword: "enum", params: { allowedValues: schema22.properties.code.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data5 = data.reason;
      if (typeof data5 === "string") {
        if (func3(data5) > 256) {
          const err14 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.offset !== void 0) {
      let data6 = data.offset;
      if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)) && isFinite(data6))) {
        const err16 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (typeof data6 == "number" && isFinite(data6)) {
        if (data6 > 9007199254740991 || isNaN(data6)) {
          const err17 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (data6 < 0 || isNaN(data6)) {
          const err18 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      }
    }
    if (data.epoch !== void 0) {
      let data7 = data.epoch;
      if (typeof data7 === "string") {
        if (!pattern6.test(data7)) {
          const err19 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,32}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data8 = data.requestId;
      if (typeof data8 === "string") {
        if (!pattern31.test(data8)) {
          const err21 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
  } else {
    const err23 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err23];
    } else {
      vErrors.push(err23);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
var validateRecoveryOutcome = validate22;
var schema23 = { "title": "RecoveryOutcome", "type": "object", "additionalProperties": false, "required": ["topic", "recovered", "replayed"], "description": "One item of the welcome's `recovery` array: the fields of a RecoveryFrame without `kind` and\n`requestId`, with the same meaning, except that `replayed` counts the frames of the topic that follow\nthe welcome.\n", "properties": { "topic": { "type": "string", "maxLength": 256, "description": "The topic as sent (cut to 256 characters)." }, "recovered": { "type": "boolean" }, "replayed": { "type": "integer", "minimum": 0, "description": "Frames of this topic replayed after the welcome." }, "code": { "title": "RecoveryCode", "type": "string", "description": "Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.", "enum": ["EPOCH_CHANGED", "HISTORY_TRIMMED", "SINCE_INVALID", "SINCE_UNKNOWN_TOPIC", "SINCE_AHEAD"] }, "reason": { "type": "string", "maxLength": 256 }, "offset": { "title": "StreamOffset", "type": "integer", "minimum": 0, "maximum": 9007199254740991, "description": "A message's position in the stream of its realm and concrete topic: 1 for the first publication of an\nepoch, then one more per publication (assigned atomically when the message is routed; a retried routing\nkeeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).\n" }, "epoch": { "title": "StreamEpoch", "type": "string", "description": "Names one generation of a stream; a new epoch starts when the history was lost or reset.", "pattern": "^[A-Za-z0-9_-]{1,32}$" } }, "$id": "RecoveryOutcome" };
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.topic === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.recovered === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "recovered" }, message: "must have required property 'recovered'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.replayed === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "replayed" }, message: "must have required property 'replayed'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "topic" || key0 === "recovered" || key0 === "replayed" || key0 === "code" || key0 === "reason" || key0 === "offset" || key0 === "epoch")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.topic !== void 0) {
      let data0 = data.topic;
      if (typeof data0 === "string") {
        if (func3(data0) > 256) {
          const err4 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.recovered !== void 0) {
      if (typeof data.recovered !== "boolean") {
        const err6 = { instancePath: instancePath + "/recovered", schemaPath: "#/properties/recovered/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.replayed !== void 0) {
      let data2 = data.replayed;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err7 = { instancePath: instancePath + "/replayed", schemaPath: "#/properties/replayed/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 0 || isNaN(data2)) {
          const err8 = { instancePath: instancePath + "/replayed", schemaPath: "#/properties/replayed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      }
    }
    if (data.code !== void 0) {
      let data3 = data.code;
      if (typeof data3 !== "string") {
        const err9 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (!(data3 === "EPOCH_CHANGED" || data3 === "HISTORY_TRIMMED" || data3 === "SINCE_INVALID" || data3 === "SINCE_UNKNOWN_TOPIC" || data3 === "SINCE_AHEAD")) {
        const err10 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/enum", keyword: "enum", params: { allowedValues: schema23.properties.code.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data4 = data.reason;
      if (typeof data4 === "string") {
        if (func3(data4) > 256) {
          const err11 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.offset !== void 0) {
      let data5 = data.offset;
      if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
        const err13 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      if (typeof data5 == "number" && isFinite(data5)) {
        if (data5 > 9007199254740991 || isNaN(data5)) {
          const err14 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (data5 < 0 || isNaN(data5)) {
          const err15 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      }
    }
    if (data.epoch !== void 0) {
      let data6 = data.epoch;
      if (typeof data6 === "string") {
        if (!pattern6.test(data6)) {
          const err16 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,32}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
var validateRejectedTopic = validate23;
var schema24 = { "title": "RejectedTopic", "type": "object", "additionalProperties": false, "required": ["topic", "code", "reason"], "properties": { "topic": { "type": "string", "maxLength": 256, "description": "The name as requested (possibly invalid)." }, "code": { "title": "TopicRejectionCode", "type": "string", "enum": ["UNKNOWN_TOPIC", "FORBIDDEN_TOPIC", "REALM_MISMATCH", "INVALID_TOPIC_NAME", "TOO_MANY_TOPICS", "INVALID_TOPIC_PARAMETER", "NOT_TOPIC_OWNER"] }, "reason": { "type": "string", "maxLength": 256 } }, "$id": "RejectedTopic" };
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.topic === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.code === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.reason === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "topic" || key0 === "code" || key0 === "reason")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.topic !== void 0) {
      let data0 = data.topic;
      if (typeof data0 === "string") {
        if (func3(data0) > 256) {
          const err4 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.code !== void 0) {
      let data1 = data.code;
      if (typeof data1 !== "string") {
        const err6 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (!(data1 === "UNKNOWN_TOPIC" || data1 === "FORBIDDEN_TOPIC" || data1 === "REALM_MISMATCH" || data1 === "INVALID_TOPIC_NAME" || data1 === "TOO_MANY_TOPICS" || data1 === "INVALID_TOPIC_PARAMETER" || data1 === "NOT_TOPIC_OWNER")) {
        const err7 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/enum", keyword: "enum", params: { allowedValues: schema24.properties.code.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data2 = data.reason;
      if (typeof data2 === "string") {
        if (func3(data2) > 256) {
          const err8 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
var validateRetryDeliveryJob = validate24;
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.reason === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.connectionId === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "connectionId" }, message: "must have required property 'connectionId'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.userId === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.realm === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.correlationId === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.message === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "reason" || key0 === "connectionId" || key0 === "userId" || key0 === "realm" || key0 === "correlationId" || key0 === "message")) {
        const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data0 = data.reason;
      if (typeof data0 !== "string") {
        const err7 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if ("retry" !== data0) {
        const err8 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/const", keyword: "const", params: { allowedValue: "retry" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.connectionId !== void 0) {
      let data1 = data.connectionId;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err9 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.userId !== void 0) {
      let data2 = data.userId;
      if (typeof data2 === "string") {
        if (!pattern1.test(data2)) {
          const err11 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.realm !== void 0) {
      let data3 = data.realm;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err13 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.correlationId !== void 0) {
      let data4 = data.correlationId;
      if (typeof data4 === "string") {
        if (!pattern4.test(data4)) {
          const err15 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.message !== void 0) {
      let data5 = data.message;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.messageId === void 0) {
          const err17 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/required", keyword: "required", params: { missingProperty: "messageId" }, message: "must have required property 'messageId'" };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (data5.correlationId === void 0) {
          const err18 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (data5.realm === void 0) {
          const err19 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        if (data5.userId === void 0) {
          const err20 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (data5.type === void 0) {
          const err21 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        if (data5.publishedAt === void 0) {
          const err22 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/required", keyword: "required", params: { missingProperty: "publishedAt" }, message: "must have required property 'publishedAt'" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        if (data5.payload === void 0) {
          const err23 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/required", keyword: "required", params: { missingProperty: "payload" }, message: "must have required property 'payload'" };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
        for (const key1 in data5) {
          if (!(key1 === "messageId" || key1 === "correlationId" || key1 === "realm" || key1 === "userId" || key1 === "type" || key1 === "publishedAt" || key1 === "payload")) {
            const err24 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data5.messageId !== void 0) {
          let data6 = data5.messageId;
          if (typeof data6 === "string") {
            if (!pattern4.test(data6)) {
              const err25 = { instancePath: instancePath + "/message/messageId", schemaPath: "#/properties/message/properties/messageId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          } else {
            const err26 = { instancePath: instancePath + "/message/messageId", schemaPath: "#/properties/message/properties/messageId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data5.correlationId !== void 0) {
          let data7 = data5.correlationId;
          if (typeof data7 === "string") {
            if (!pattern4.test(data7)) {
              const err27 = { instancePath: instancePath + "/message/correlationId", schemaPath: "#/properties/message/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          } else {
            const err28 = { instancePath: instancePath + "/message/correlationId", schemaPath: "#/properties/message/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data5.realm !== void 0) {
          let data8 = data5.realm;
          if (typeof data8 === "string") {
            if (!pattern2.test(data8)) {
              const err29 = { instancePath: instancePath + "/message/realm", schemaPath: "#/properties/message/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
          } else {
            const err30 = { instancePath: instancePath + "/message/realm", schemaPath: "#/properties/message/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data5.userId !== void 0) {
          let data9 = data5.userId;
          if (typeof data9 === "string") {
            if (!pattern1.test(data9)) {
              const err31 = { instancePath: instancePath + "/message/userId", schemaPath: "#/properties/message/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          } else {
            const err32 = { instancePath: instancePath + "/message/userId", schemaPath: "#/properties/message/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data5.type !== void 0) {
          let data10 = data5.type;
          if (typeof data10 === "string") {
            if (!pattern26.test(data10)) {
              const err33 = { instancePath: instancePath + "/message/type", schemaPath: "#/properties/message/properties/type/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}$"' };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          } else {
            const err34 = { instancePath: instancePath + "/message/type", schemaPath: "#/properties/message/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data5.publishedAt !== void 0) {
          let data11 = data5.publishedAt;
          if (typeof data11 === "string") {
            if (!formats0.validate(data11)) {
              const err35 = { instancePath: instancePath + "/message/publishedAt", schemaPath: "#/properties/message/properties/publishedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          } else {
            const err36 = { instancePath: instancePath + "/message/publishedAt", schemaPath: "#/properties/message/properties/publishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data5.payload !== void 0) {
          let data12 = data5.payload;
          if (!(data12 && typeof data12 == "object" && !Array.isArray(data12))) {
            const err37 = { instancePath: instancePath + "/message/payload", schemaPath: "#/properties/message/properties/payload/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
      } else {
        const err38 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
  } else {
    const err39 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err39];
    } else {
      vErrors.push(err39);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
var validateSincePosition = validate25;
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.topic === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.offset === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "offset" }, message: "must have required property 'offset'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.epoch === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "epoch" }, message: "must have required property 'epoch'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "topic" || key0 === "offset" || key0 === "epoch")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.topic !== void 0) {
      let data0 = data.topic;
      if (typeof data0 === "string") {
        if (!pattern3.test(data0)) {
          const err4 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.offset !== void 0) {
      let data1 = data.offset;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
        const err6 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (typeof data1 == "number" && isFinite(data1)) {
        if (data1 > 9007199254740991 || isNaN(data1)) {
          const err7 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (data1 < 0 || isNaN(data1)) {
          const err8 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      }
    }
    if (data.epoch !== void 0) {
      let data2 = data.epoch;
      if (typeof data2 === "string") {
        if (!pattern6.test(data2)) {
          const err9 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,32}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
  } else {
    const err11 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
var validateSinceRejection = validate26;
var schema27 = { "title": "SinceRejection", "type": "object", "additionalProperties": false, "required": ["topic", "code", "reason"], "description": "A position sent on connect that was ignored, answered after the welcome.", "properties": { "topic": { "type": "string", "maxLength": 256 }, "code": { "title": "RecoveryCode", "type": "string", "description": "Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.", "enum": ["EPOCH_CHANGED", "HISTORY_TRIMMED", "SINCE_INVALID", "SINCE_UNKNOWN_TOPIC", "SINCE_AHEAD"] }, "reason": { "type": "string", "maxLength": 256 } }, "$id": "SinceRejection" };
function validate26(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.topic === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.code === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.reason === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "topic" || key0 === "code" || key0 === "reason")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.topic !== void 0) {
      let data0 = data.topic;
      if (typeof data0 === "string") {
        if (func3(data0) > 256) {
          const err4 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.code !== void 0) {
      let data1 = data.code;
      if (typeof data1 !== "string") {
        const err6 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (!(data1 === "EPOCH_CHANGED" || data1 === "HISTORY_TRIMMED" || data1 === "SINCE_INVALID" || data1 === "SINCE_UNKNOWN_TOPIC" || data1 === "SINCE_AHEAD")) {
        const err7 = { instancePath: instancePath + "/code", schemaPath: "#/properties/code/enum", keyword: "enum", params: { allowedValues: schema27.properties.code.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data2 = data.reason;
      if (typeof data2 === "string") {
        if (func3(data2) > 256) {
          const err8 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
var validateStoredEnvelopeRef = validate27;
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.realm === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.topic === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.messageId === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "messageId" }, message: "must have required property 'messageId'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.correlationId === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "realm" || key0 === "topic" || key0 === "messageId" || key0 === "correlationId")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.realm !== void 0) {
      let data0 = data.realm;
      if (typeof data0 === "string") {
        if (!pattern2.test(data0)) {
          const err5 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.topic !== void 0) {
      let data1 = data.topic;
      if (typeof data1 === "string") {
        if (!pattern3.test(data1)) {
          const err7 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.messageId !== void 0) {
      let data2 = data.messageId;
      if (typeof data2 === "string") {
        if (!pattern4.test(data2)) {
          const err9 = { instancePath: instancePath + "/messageId", schemaPath: "#/properties/messageId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/messageId", schemaPath: "#/properties/messageId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.correlationId !== void 0) {
      let data3 = data.correlationId;
      if (typeof data3 === "string") {
        if (!pattern4.test(data3)) {
          const err11 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate27.errors = vErrors;
  return errors === 0;
}
var validateStreamPosition = validate28;
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.offset === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "offset" }, message: "must have required property 'offset'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.epoch === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "epoch" }, message: "must have required property 'epoch'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "offset" || key0 === "epoch")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.offset !== void 0) {
      let data0 = data.offset;
      if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
        const err3 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (typeof data0 == "number" && isFinite(data0)) {
        if (data0 > 9007199254740991 || isNaN(data0)) {
          const err4 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (data0 < 0 || isNaN(data0)) {
          const err5 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      }
    }
    if (data.epoch !== void 0) {
      let data1 = data.epoch;
      if (typeof data1 === "string") {
        if (!pattern6.test(data1)) {
          const err6 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,32}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
var validateSubscribeAction = validate29;
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.topics === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topics" }, message: "must have required property 'topics'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "action" || key0 === "topics" || key0 === "since" || key0 === "requestId")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data0 = data.action;
      if (typeof data0 !== "string") {
        const err3 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if ("subscribe" !== data0) {
        const err4 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/const", keyword: "const", params: { allowedValue: "subscribe" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.topics !== void 0) {
      let data1 = data.topics;
      if (Array.isArray(data1)) {
        if (data1.length > 20) {
          const err5 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (data1.length < 1) {
          const err6 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === "string") {
            if (func3(data2) > 256) {
              const err7 = { instancePath: instancePath + "/topics/" + i0, schemaPath: "#/properties/topics/items/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (func3(data2) < 1) {
              const err8 = { instancePath: instancePath + "/topics/" + i0, schemaPath: "#/properties/topics/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/topics/" + i0, schemaPath: "#/properties/topics/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.since !== void 0) {
      let data3 = data.since;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        if (Object.keys(data3).length > 20) {
          const err11 = { instancePath: instancePath + "/since", schemaPath: "#/properties/since/maxProperties", keyword: "maxProperties", params: { limit: 20 }, message: "must NOT have more than 20 properties" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        for (const key1 in data3) {
          const _errs10 = errors;
          if (typeof key1 === "string") {
            if (func3(key1) > 256) {
              const err12 = { instancePath: instancePath + "/since", schemaPath: "#/properties/since/propertyNames/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters", propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          }
          var valid3 = _errs10 === errors;
          if (!valid3) {
            const err13 = { instancePath: instancePath + "/since", schemaPath: "#/properties/since/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        for (const key2 in data3) {
          let data4 = data3[key2];
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            if (Object.keys(data4).length > 8) {
              const err14 = { instancePath: instancePath + "/since/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/since/additionalProperties/maxProperties", keyword: "maxProperties", params: { limit: 8 }, message: "must NOT have more than 8 properties" };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = { instancePath: instancePath + "/since/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/since/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/since", schemaPath: "#/properties/since/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data5 = data.requestId;
      if (typeof data5 === "string") {
        if (!pattern31.test(data5)) {
          const err17 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
  } else {
    const err19 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err19];
    } else {
      vErrors.push(err19);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}
var validateSubscribedFrame = validate30;
var schema31 = { "title": "SubscribedFrame", "type": "object", "additionalProperties": false, "required": ["kind", "accepted", "rejected", "topics"], "properties": { "kind": { "type": "string", "const": "subscribed" }, "requestId": { "title": "RequestId", "type": "string", "description": "Optional id chosen by the client, echoed in the reply.", "pattern": "^[A-Za-z0-9._:-]{1,64}$" }, "accepted": { "type": "array", "maxItems": 20, "description": "The requested topics the connection now holds (those it held already included).", "items": { "title": "TopicName", "type": "string", "description": "A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family\n(`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.\n", "pattern": "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" } }, "rejected": { "type": "array", "maxItems": 64, "items": { "title": "RejectedTopic", "type": "object", "additionalProperties": false, "required": ["topic", "code", "reason"], "properties": { "topic": { "type": "string", "maxLength": 256, "description": "The name as requested (possibly invalid)." }, "code": { "title": "TopicRejectionCode", "type": "string", "enum": ["UNKNOWN_TOPIC", "FORBIDDEN_TOPIC", "REALM_MISMATCH", "INVALID_TOPIC_NAME", "TOO_MANY_TOPICS", "INVALID_TOPIC_PARAMETER", "NOT_TOPIC_OWNER"] }, "reason": { "type": "string", "maxLength": 256 } } } }, "topics": { "type": "array", "maxItems": 20, "description": "Every topic the connection holds after this request.", "items": { "title": "TopicName", "type": "string", "description": "A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family\n(`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.\n", "pattern": "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" } } }, "$id": "SubscribedFrame" };
function validate30(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.accepted === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "accepted" }, message: "must have required property 'accepted'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.rejected === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rejected" }, message: "must have required property 'rejected'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.topics === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topics" }, message: "must have required property 'topics'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "requestId" || key0 === "accepted" || key0 === "rejected" || key0 === "topics")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err5 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if ("subscribed" !== data0) {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "subscribed" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data1 = data.requestId;
      if (typeof data1 === "string") {
        if (!pattern31.test(data1)) {
          const err7 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.accepted !== void 0) {
      let data2 = data.accepted;
      if (Array.isArray(data2)) {
        if (data2.length > 20) {
          const err9 = { instancePath: instancePath + "/accepted", schemaPath: "#/properties/accepted/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 === "string") {
            if (!pattern3.test(data3)) {
              const err10 = { instancePath: instancePath + "/accepted/" + i0, schemaPath: "#/properties/accepted/items/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/accepted/" + i0, schemaPath: "#/properties/accepted/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/accepted", schemaPath: "#/properties/accepted/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.rejected !== void 0) {
      let data4 = data.rejected;
      if (Array.isArray(data4)) {
        if (data4.length > 64) {
          const err13 = { instancePath: instancePath + "/rejected", schemaPath: "#/properties/rejected/maxItems", keyword: "maxItems", params: { limit: 64 }, message: "must NOT have more than 64 items" };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.topic === void 0) {
              const err14 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            if (data5.code === void 0) {
              const err15 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'" };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
            if (data5.reason === void 0) {
              const err16 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            for (const key1 in data5) {
              if (!(key1 === "topic" || key1 === "code" || key1 === "reason")) {
                const err17 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
            if (data5.topic !== void 0) {
              let data6 = data5.topic;
              if (typeof data6 === "string") {
                if (func3(data6) > 256) {
                  const err18 = { instancePath: instancePath + "/rejected/" + i1 + "/topic", schemaPath: "#/properties/rejected/items/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
              } else {
                const err19 = { instancePath: instancePath + "/rejected/" + i1 + "/topic", schemaPath: "#/properties/rejected/items/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err19];
                } else {
                  vErrors.push(err19);
                }
                errors++;
              }
            }
            if (data5.code !== void 0) {
              let data7 = data5.code;
              if (typeof data7 !== "string") {
                const err20 = { instancePath: instancePath + "/rejected/" + i1 + "/code", schemaPath: "#/properties/rejected/items/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
              if (!(data7 === "UNKNOWN_TOPIC" || data7 === "FORBIDDEN_TOPIC" || data7 === "REALM_MISMATCH" || data7 === "INVALID_TOPIC_NAME" || data7 === "TOO_MANY_TOPICS" || data7 === "INVALID_TOPIC_PARAMETER" || data7 === "NOT_TOPIC_OWNER")) {
                const err21 = { instancePath: instancePath + "/rejected/" + i1 + "/code", schemaPath: "#/properties/rejected/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema31.properties.rejected.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
            if (data5.reason !== void 0) {
              let data8 = data5.reason;
              if (typeof data8 === "string") {
                if (func3(data8) > 256) {
                  const err22 = { instancePath: instancePath + "/rejected/" + i1 + "/reason", schemaPath: "#/properties/rejected/items/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err22];
                  } else {
                    vErrors.push(err22);
                  }
                  errors++;
                }
              } else {
                const err23 = { instancePath: instancePath + "/rejected/" + i1 + "/reason", schemaPath: "#/properties/rejected/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
            }
          } else {
            const err24 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
      } else {
        const err25 = { instancePath: instancePath + "/rejected", schemaPath: "#/properties/rejected/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.topics !== void 0) {
      let data9 = data.topics;
      if (Array.isArray(data9)) {
        if (data9.length > 20) {
          const err26 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
        const len2 = data9.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data10 = data9[i2];
          if (typeof data10 === "string") {
            if (!pattern3.test(data10)) {
              const err27 = { instancePath: instancePath + "/topics/" + i2, schemaPath: "#/properties/topics/items/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          } else {
            const err28 = { instancePath: instancePath + "/topics/" + i2, schemaPath: "#/properties/topics/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
      } else {
        const err29 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
  } else {
    const err30 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  validate30.errors = vErrors;
  return errors === 0;
}
var validateTokenCheckJob = validate31;
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.reason === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.connectionId === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "connectionId" }, message: "must have required property 'connectionId'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.userId === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.realm === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.tokenExpiresAt === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tokenExpiresAt" }, message: "must have required property 'tokenExpiresAt'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.correlationId === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "reason" || key0 === "connectionId" || key0 === "userId" || key0 === "realm" || key0 === "tokenExpiresAt" || key0 === "correlationId")) {
        const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data0 = data.reason;
      if (typeof data0 !== "string") {
        const err7 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if ("token-check" !== data0) {
        const err8 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/const", keyword: "const", params: { allowedValue: "token-check" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.connectionId !== void 0) {
      let data1 = data.connectionId;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err9 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.userId !== void 0) {
      let data2 = data.userId;
      if (typeof data2 === "string") {
        if (!pattern1.test(data2)) {
          const err11 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.realm !== void 0) {
      let data3 = data.realm;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err13 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.tokenExpiresAt !== void 0) {
      let data4 = data.tokenExpiresAt;
      if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)) && isFinite(data4))) {
        const err15 = { instancePath: instancePath + "/tokenExpiresAt", schemaPath: "#/properties/tokenExpiresAt/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      if (typeof data4 == "number" && isFinite(data4)) {
        if (data4 < 1 || isNaN(data4)) {
          const err16 = { instancePath: instancePath + "/tokenExpiresAt", schemaPath: "#/properties/tokenExpiresAt/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      }
    }
    if (data.correlationId !== void 0) {
      let data5 = data.correlationId;
      if (typeof data5 === "string") {
        if (!pattern4.test(data5)) {
          const err17 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
  } else {
    const err19 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err19];
    } else {
      vErrors.push(err19);
    }
    errors++;
  }
  validate31.errors = vErrors;
  return errors === 0;
}
var validateTopicMessageFrame = validate32;
var schema33 = { "title": "TopicMessageFrame", "type": "object", "additionalProperties": false, "required": ["kind", "id", "topic", "publishedAt", "correlationId", "payload"], "properties": { "kind": { "type": "string", "const": "topic" }, "id": { "title": "MessageId", "type": "string", "description": "Unique per message; clients and the offline inbox de-duplicate on it.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "topic": { "title": "TopicName", "type": "string", "description": "A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family\n(`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.\n", "pattern": "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, "publishedAt": { "type": "string", "format": "date-time" }, "correlationId": { "title": "CorrelationId", "type": "string", "description": "Follows a message from publish to delivery in every log line.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "replayed": { "type": "boolean", "description": "True when sent from topic history on connect or after a subscribe." }, "offset": { "title": "StreamOffset", "type": "integer", "minimum": 0, "maximum": 9007199254740991, "description": "A message's position in the stream of its realm and concrete topic: 1 for the first publication of an\nepoch, then one more per publication (assigned atomically when the message is routed; a retried routing\nkeeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).\n" }, "epoch": { "title": "StreamEpoch", "type": "string", "description": "Names one generation of a stream; a new epoch starts when the history was lost or reset.", "pattern": "^[A-Za-z0-9_-]{1,32}$" }, "payload": { "type": "object", "description": "Follows the schema of the topic's channel." } }, "$id": "TopicMessageFrame" };
function validate32(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.id === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.topic === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.publishedAt === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "publishedAt" }, message: "must have required property 'publishedAt'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.correlationId === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.payload === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "payload" }, message: "must have required property 'payload'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema33.properties, key0)) {
        const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err7 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if ("topic" !== data0) {
        const err8 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "topic" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data1 = data.id;
      if (typeof data1 === "string") {
        if (!pattern4.test(data1)) {
          const err9 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.topic !== void 0) {
      let data2 = data.topic;
      if (typeof data2 === "string") {
        if (!pattern3.test(data2)) {
          const err11 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.publishedAt !== void 0) {
      let data3 = data.publishedAt;
      if (typeof data3 === "string") {
        if (!formats0.validate(data3)) {
          const err13 = { instancePath: instancePath + "/publishedAt", schemaPath: "#/properties/publishedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/publishedAt", schemaPath: "#/properties/publishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.correlationId !== void 0) {
      let data4 = data.correlationId;
      if (typeof data4 === "string") {
        if (!pattern4.test(data4)) {
          const err15 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.replayed !== void 0) {
      if (typeof data.replayed !== "boolean") {
        const err17 = { instancePath: instancePath + "/replayed", schemaPath: "#/properties/replayed/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.offset !== void 0) {
      let data6 = data.offset;
      if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)) && isFinite(data6))) {
        const err18 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
      if (typeof data6 == "number" && isFinite(data6)) {
        if (data6 > 9007199254740991 || isNaN(data6)) {
          const err19 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        if (data6 < 0 || isNaN(data6)) {
          const err20 = { instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      }
    }
    if (data.epoch !== void 0) {
      let data7 = data.epoch;
      if (typeof data7 === "string") {
        if (!pattern6.test(data7)) {
          const err21 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,32}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = { instancePath: instancePath + "/epoch", schemaPath: "#/properties/epoch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.payload !== void 0) {
      let data8 = data.payload;
      if (!(data8 && typeof data8 == "object" && !Array.isArray(data8))) {
        const err23 = { instancePath: instancePath + "/payload", schemaPath: "#/properties/payload/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
  } else {
    const err24 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err24];
    } else {
      vErrors.push(err24);
    }
    errors++;
  }
  validate32.errors = vErrors;
  return errors === 0;
}
var validateTraceRecord = validate33;
var schema34 = { "title": "TraceRecord", "type": "object", "description": 'One hop of a message\'s journey ("where is my message?", docs/operations.md). The core writes one per\nhop through its trace port; on AWS each is one JSON log line of the function that did the hop (the\nPowertools line carries these fields at top level, plus the function, request and X-Ray trace ids),\nfound by `trace = "wspush.trace.v1"`; `wspush trace` reads them back. Hops: `published` (received\nfrom SNS or Kafka), `routed` (audience found), `posted` (a post to a connection, or one record per\nshard with `counts` for broadcasts: per-connection records there only for failures, plus a sample of\nsuccesses per the stack\'s trace sample rate), `stored` (offline inbox or topic history),\n`delivered-on-connect` (the connect, drain or retry job posted it), `dead-lettered` (given up: left\nto the DLQ / on-failure destination, with `reason`).\n', "additionalProperties": false, "required": ["trace", "hop", "at"], "properties": { "trace": { "title": "TraceFormat", "type": "string", "enum": ["wspush.trace.v1"] }, "hop": { "title": "TraceHop", "type": "string", "enum": ["published", "routed", "posted", "stored", "delivered-on-connect", "dead-lettered"] }, "messageId": { "title": "MessageId", "type": "string", "description": "Unique per message; clients and the offline inbox de-duplicate on it.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "correlationId": { "title": "CorrelationId", "type": "string", "description": "Follows a message from publish to delivery in every log line.", "pattern": "^[A-Za-z0-9._:-]{1,128}$" }, "at": { "type": "string", "format": "date-time", "description": "When the hop happened." }, "publishedAt": { "type": "string", "format": "date-time", "description": "The envelope's publishedAt (the timeline's zero)." }, "kind": { "title": "TraceMessageKind", "type": "string", "enum": ["topic", "user"] }, "realm": { "type": "string", "maxLength": 128 }, "topic": { "type": "string", "maxLength": 128 }, "userId": { "type": "string", "maxLength": 128 }, "type": { "type": "string", "maxLength": 128, "description": "The user message type." }, "via": { "title": "TraceSource", "type": "object", "additionalProperties": false, "required": ["transport"], "description": "Where a `published` message came from.", "properties": { "transport": { "title": "TraceTransport", "type": "string", "enum": ["sns", "kafka"] }, "source": { "type": "string", "maxLength": 512, "description": "SNS topic ARN or Kafka topic." }, "sourceMessageId": { "type": "string", "maxLength": 256, "description": "SNS message id or Kafka partition@offset." }, "publisher": { "type": "string", "maxLength": 128, "description": "The publisher's `publisher` attribute, when set." } } }, "audience": { "type": "integer", "minimum": 0, "description": "Connections found (routed)." }, "shards": { "type": "integer", "minimum": 0, "description": "Fan-out jobs (0 = posted directly by the router)." }, "shard": { "type": "integer", "minimum": 0 }, "attempt": { "type": "integer", "minimum": 0 }, "connectionId": { "title": "ConnectionId", "type": "string", "pattern": "^[A-Za-z0-9+/=_-]{1,128}$" }, "result": { "title": "TraceResult", "type": "string", "description": "posted / delivered-on-connect: `delivered`; `gone` (410, dropped for that connection); `connecting`\n(410 before the socket opened: stored, delivered by a drain job); `throttled` (still 429 after\nbackoff: retried by a job); `retried` (5xx or timeout: retried by a job); `too-large` (dropped);\n`deferred` (not attempted before the deadline: continued in a new job). stored: `stored`,\n`duplicate` (already stored), `expired` (retention already over: not stored).\n", "enum": ["delivered", "gone", "connecting", "throttled", "retried", "too-large", "deferred", "stored", "duplicate", "expired"] }, "store": { "title": "TraceStore", "type": "string", "enum": ["inbox", "history"] }, "counts": { "title": "TraceCounts", "type": "object", "additionalProperties": false, "description": "Per-shard (or direct broadcast) outcome counts.", "properties": { "delivered": { "type": "integer", "minimum": 0 }, "gone": { "type": "integer", "minimum": 0 }, "connecting": { "type": "integer", "minimum": 0 }, "throttled": { "type": "integer", "minimum": 0 }, "retried": { "type": "integer", "minimum": 0 }, "tooLarge": { "type": "integer", "minimum": 0 }, "deferred": { "type": "integer", "minimum": 0 } } }, "job": { "title": "DeliveryReason", "type": "string", "enum": ["connect", "drain", "retry"], "description": "The `reason` of a delivery job (`DeliveryJob`): `connect`, `drain` or `retry`, as in trace records.\n" }, "sampled": { "type": "boolean", "description": "A per-connection success kept by sampling." }, "reason": { "type": "string", "maxLength": 1e3, "description": "Why: the dead-letter, retry or drop reason." } }, "$id": "TraceRecord" };
function validate33(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.trace === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "trace" }, message: "must have required property 'trace'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.hop === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "hop" }, message: "must have required property 'hop'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.at === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema34.properties, key0)) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.trace !== void 0) {
      let data0 = data.trace;
      if (typeof data0 !== "string") {
        const err4 = { instancePath: instancePath + "/trace", schemaPath: "#/properties/trace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (!(data0 === "wspush.trace.v1")) {
        const err5 = { instancePath: instancePath + "/trace", schemaPath: "#/properties/trace/enum", keyword: "enum", params: { allowedValues: schema34.properties.trace.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.hop !== void 0) {
      let data1 = data.hop;
      if (typeof data1 !== "string") {
        const err6 = { instancePath: instancePath + "/hop", schemaPath: "#/properties/hop/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (!(data1 === "published" || data1 === "routed" || data1 === "posted" || data1 === "stored" || data1 === "delivered-on-connect" || data1 === "dead-lettered")) {
        const err7 = { instancePath: instancePath + "/hop", schemaPath: "#/properties/hop/enum", keyword: "enum", params: { allowedValues: schema34.properties.hop.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.messageId !== void 0) {
      let data2 = data.messageId;
      if (typeof data2 === "string") {
        if (!pattern4.test(data2)) {
          const err8 = { instancePath: instancePath + "/messageId", schemaPath: "#/properties/messageId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/messageId", schemaPath: "#/properties/messageId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.correlationId !== void 0) {
      let data3 = data.correlationId;
      if (typeof data3 === "string") {
        if (!pattern4.test(data3)) {
          const err10 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.at !== void 0) {
      let data4 = data.at;
      if (typeof data4 === "string") {
        if (!formats0.validate(data4)) {
          const err12 = { instancePath: instancePath + "/at", schemaPath: "#/properties/at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/at", schemaPath: "#/properties/at/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.publishedAt !== void 0) {
      let data5 = data.publishedAt;
      if (typeof data5 === "string") {
        if (!formats0.validate(data5)) {
          const err14 = { instancePath: instancePath + "/publishedAt", schemaPath: "#/properties/publishedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/publishedAt", schemaPath: "#/properties/publishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data6 = data.kind;
      if (typeof data6 !== "string") {
        const err16 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (!(data6 === "topic" || data6 === "user")) {
        const err17 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema34.properties.kind.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.realm !== void 0) {
      let data7 = data.realm;
      if (typeof data7 === "string") {
        if (func3(data7) > 128) {
          const err18 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters" };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.topic !== void 0) {
      let data8 = data.topic;
      if (typeof data8 === "string") {
        if (func3(data8) > 128) {
          const err20 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/topic", schemaPath: "#/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.userId !== void 0) {
      let data9 = data.userId;
      if (typeof data9 === "string") {
        if (func3(data9) > 128) {
          const err22 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.type !== void 0) {
      let data10 = data.type;
      if (typeof data10 === "string") {
        if (func3(data10) > 128) {
          const err24 = { instancePath: instancePath + "/type", schemaPath: "#/properties/type/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters" };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
      } else {
        const err25 = { instancePath: instancePath + "/type", schemaPath: "#/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.via !== void 0) {
      let data11 = data.via;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        if (data11.transport === void 0) {
          const err26 = { instancePath: instancePath + "/via", schemaPath: "#/properties/via/required", keyword: "required", params: { missingProperty: "transport" }, message: "must have required property 'transport'" };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
        for (const key1 in data11) {
          if (!(key1 === "transport" || key1 === "source" || key1 === "sourceMessageId" || key1 === "publisher")) {
            const err27 = { instancePath: instancePath + "/via", schemaPath: "#/properties/via/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
        if (data11.transport !== void 0) {
          let data12 = data11.transport;
          if (typeof data12 !== "string") {
            const err28 = { instancePath: instancePath + "/via/transport", schemaPath: "#/properties/via/properties/transport/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
          if (!(data12 === "sns" || data12 === "kafka")) {
            const err29 = { instancePath: instancePath + "/via/transport", schemaPath: "#/properties/via/properties/transport/enum", keyword: "enum", params: { allowedValues: schema34.properties.via.properties.transport.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data11.source !== void 0) {
          let data13 = data11.source;
          if (typeof data13 === "string") {
            if (func3(data13) > 512) {
              const err30 = { instancePath: instancePath + "/via/source", schemaPath: "#/properties/via/properties/source/maxLength", keyword: "maxLength", params: { limit: 512 }, message: "must NOT have more than 512 characters" };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
          } else {
            const err31 = { instancePath: instancePath + "/via/source", schemaPath: "#/properties/via/properties/source/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
        if (data11.sourceMessageId !== void 0) {
          let data14 = data11.sourceMessageId;
          if (typeof data14 === "string") {
            if (func3(data14) > 256) {
              const err32 = { instancePath: instancePath + "/via/sourceMessageId", schemaPath: "#/properties/via/properties/sourceMessageId/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          } else {
            const err33 = { instancePath: instancePath + "/via/sourceMessageId", schemaPath: "#/properties/via/properties/sourceMessageId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        if (data11.publisher !== void 0) {
          let data15 = data11.publisher;
          if (typeof data15 === "string") {
            if (func3(data15) > 128) {
              const err34 = { instancePath: instancePath + "/via/publisher", schemaPath: "#/properties/via/properties/publisher/maxLength", keyword: "maxLength", params: { limit: 128 }, message: "must NOT have more than 128 characters" };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors++;
            }
          } else {
            const err35 = { instancePath: instancePath + "/via/publisher", schemaPath: "#/properties/via/properties/publisher/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
      } else {
        const err36 = { instancePath: instancePath + "/via", schemaPath: "#/properties/via/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
    }
    if (data.audience !== void 0) {
      let data16 = data.audience;
      if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
        const err37 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
      if (typeof data16 == "number" && isFinite(data16)) {
        if (data16 < 0 || isNaN(data16)) {
          const err38 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
      }
    }
    if (data.shards !== void 0) {
      let data17 = data.shards;
      if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
        const err39 = { instancePath: instancePath + "/shards", schemaPath: "#/properties/shards/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
      if (typeof data17 == "number" && isFinite(data17)) {
        if (data17 < 0 || isNaN(data17)) {
          const err40 = { instancePath: instancePath + "/shards", schemaPath: "#/properties/shards/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
      }
    }
    if (data.shard !== void 0) {
      let data18 = data.shard;
      if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
        const err41 = { instancePath: instancePath + "/shard", schemaPath: "#/properties/shard/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
      if (typeof data18 == "number" && isFinite(data18)) {
        if (data18 < 0 || isNaN(data18)) {
          const err42 = { instancePath: instancePath + "/shard", schemaPath: "#/properties/shard/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
      }
    }
    if (data.attempt !== void 0) {
      let data19 = data.attempt;
      if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
        const err43 = { instancePath: instancePath + "/attempt", schemaPath: "#/properties/attempt/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
      if (typeof data19 == "number" && isFinite(data19)) {
        if (data19 < 0 || isNaN(data19)) {
          const err44 = { instancePath: instancePath + "/attempt", schemaPath: "#/properties/attempt/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err44];
          } else {
            vErrors.push(err44);
          }
          errors++;
        }
      }
    }
    if (data.connectionId !== void 0) {
      let data20 = data.connectionId;
      if (typeof data20 === "string") {
        if (!pattern0.test(data20)) {
          const err45 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err45];
          } else {
            vErrors.push(err45);
          }
          errors++;
        }
      } else {
        const err46 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err46];
        } else {
          vErrors.push(err46);
        }
        errors++;
      }
    }
    if (data.result !== void 0) {
      let data21 = data.result;
      if (typeof data21 !== "string") {
        const err47 = { instancePath: instancePath + "/result", schemaPath: "#/properties/result/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
      if (!(data21 === "delivered" || data21 === "gone" || data21 === "connecting" || data21 === "throttled" || data21 === "retried" || data21 === "too-large" || data21 === "deferred" || data21 === "stored" || data21 === "duplicate" || data21 === "expired")) {
        const err48 = { instancePath: instancePath + "/result", schemaPath: "#/properties/result/enum", keyword: "enum", params: { allowedValues: schema34.properties.result.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err48];
        } else {
          vErrors.push(err48);
        }
        errors++;
      }
    }
    if (data.store !== void 0) {
      let data22 = data.store;
      if (typeof data22 !== "string") {
        const err49 = { instancePath: instancePath + "/store", schemaPath: "#/properties/store/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
      if (!(data22 === "inbox" || data22 === "history")) {
        const err50 = { instancePath: instancePath + "/store", schemaPath: "#/properties/store/enum", keyword: "enum", params: { allowedValues: schema34.properties.store.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
    }
    if (data.counts !== void 0) {
      let data23 = data.counts;
      if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
        for (const key2 in data23) {
          if (!(key2 === "delivered" || key2 === "gone" || key2 === "connecting" || key2 === "throttled" || key2 === "retried" || key2 === "tooLarge" || key2 === "deferred")) {
            const err51 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
        }
        if (data23.delivered !== void 0) {
          let data24 = data23.delivered;
          if (!(typeof data24 == "number" && (!(data24 % 1) && !isNaN(data24)) && isFinite(data24))) {
            const err52 = { instancePath: instancePath + "/counts/delivered", schemaPath: "#/properties/counts/properties/delivered/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          }
          if (typeof data24 == "number" && isFinite(data24)) {
            if (data24 < 0 || isNaN(data24)) {
              const err53 = { instancePath: instancePath + "/counts/delivered", schemaPath: "#/properties/counts/properties/delivered/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          }
        }
        if (data23.gone !== void 0) {
          let data25 = data23.gone;
          if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
            const err54 = { instancePath: instancePath + "/counts/gone", schemaPath: "#/properties/counts/properties/gone/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
          if (typeof data25 == "number" && isFinite(data25)) {
            if (data25 < 0 || isNaN(data25)) {
              const err55 = { instancePath: instancePath + "/counts/gone", schemaPath: "#/properties/counts/properties/gone/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
          }
        }
        if (data23.connecting !== void 0) {
          let data26 = data23.connecting;
          if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26))) {
            const err56 = { instancePath: instancePath + "/counts/connecting", schemaPath: "#/properties/counts/properties/connecting/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
          if (typeof data26 == "number" && isFinite(data26)) {
            if (data26 < 0 || isNaN(data26)) {
              const err57 = { instancePath: instancePath + "/counts/connecting", schemaPath: "#/properties/counts/properties/connecting/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
          }
        }
        if (data23.throttled !== void 0) {
          let data27 = data23.throttled;
          if (!(typeof data27 == "number" && (!(data27 % 1) && !isNaN(data27)) && isFinite(data27))) {
            const err58 = { instancePath: instancePath + "/counts/throttled", schemaPath: "#/properties/counts/properties/throttled/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
          if (typeof data27 == "number" && isFinite(data27)) {
            if (data27 < 0 || isNaN(data27)) {
              const err59 = { instancePath: instancePath + "/counts/throttled", schemaPath: "#/properties/counts/properties/throttled/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err59];
              } else {
                vErrors.push(err59);
              }
              errors++;
            }
          }
        }
        if (data23.retried !== void 0) {
          let data28 = data23.retried;
          if (!(typeof data28 == "number" && (!(data28 % 1) && !isNaN(data28)) && isFinite(data28))) {
            const err60 = { instancePath: instancePath + "/counts/retried", schemaPath: "#/properties/counts/properties/retried/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
          if (typeof data28 == "number" && isFinite(data28)) {
            if (data28 < 0 || isNaN(data28)) {
              const err61 = { instancePath: instancePath + "/counts/retried", schemaPath: "#/properties/counts/properties/retried/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err61];
              } else {
                vErrors.push(err61);
              }
              errors++;
            }
          }
        }
        if (data23.tooLarge !== void 0) {
          let data29 = data23.tooLarge;
          if (!(typeof data29 == "number" && (!(data29 % 1) && !isNaN(data29)) && isFinite(data29))) {
            const err62 = { instancePath: instancePath + "/counts/tooLarge", schemaPath: "#/properties/counts/properties/tooLarge/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
          if (typeof data29 == "number" && isFinite(data29)) {
            if (data29 < 0 || isNaN(data29)) {
              const err63 = { instancePath: instancePath + "/counts/tooLarge", schemaPath: "#/properties/counts/properties/tooLarge/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err63];
              } else {
                vErrors.push(err63);
              }
              errors++;
            }
          }
        }
        if (data23.deferred !== void 0) {
          let data30 = data23.deferred;
          if (!(typeof data30 == "number" && (!(data30 % 1) && !isNaN(data30)) && isFinite(data30))) {
            const err64 = { instancePath: instancePath + "/counts/deferred", schemaPath: "#/properties/counts/properties/deferred/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err64];
            } else {
              vErrors.push(err64);
            }
            errors++;
          }
          if (typeof data30 == "number" && isFinite(data30)) {
            if (data30 < 0 || isNaN(data30)) {
              const err65 = { instancePath: instancePath + "/counts/deferred", schemaPath: "#/properties/counts/properties/deferred/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          }
        }
      } else {
        const err66 = { instancePath: instancePath + "/counts", schemaPath: "#/properties/counts/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err66];
        } else {
          vErrors.push(err66);
        }
        errors++;
      }
    }
    if (data.job !== void 0) {
      let data31 = data.job;
      if (typeof data31 !== "string") {
        const err67 = { instancePath: instancePath + "/job", schemaPath: "#/properties/job/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
      if (!(data31 === "connect" || data31 === "drain" || data31 === "retry")) {
        const err68 = { instancePath: instancePath + "/job", schemaPath: "#/properties/job/enum", keyword: "enum", params: { allowedValues: schema34.properties.job.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
    }
    if (data.sampled !== void 0) {
      if (typeof data.sampled !== "boolean") {
        const err69 = { instancePath: instancePath + "/sampled", schemaPath: "#/properties/sampled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err69];
        } else {
          vErrors.push(err69);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data33 = data.reason;
      if (typeof data33 === "string") {
        if (func3(data33) > 1e3) {
          const err70 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" };
          if (vErrors === null) {
            vErrors = [err70];
          } else {
            vErrors.push(err70);
          }
          errors++;
        }
      } else {
        const err71 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err71];
        } else {
          vErrors.push(err71);
        }
        errors++;
      }
    }
  } else {
    const err72 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err72];
    } else {
      vErrors.push(err72);
    }
    errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
}
var validateTtlExtendedFrame = validate34;
function validate34(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.expiresAt === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expiresAt" }, message: "must have required property 'expiresAt'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "expiresAt" || key0 === "requestId")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err3 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if ("ttl-extended" !== data0) {
        const err4 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "ttl-extended" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.expiresAt !== void 0) {
      let data1 = data.expiresAt;
      if (typeof data1 === "string") {
        if (!formats0.validate(data1)) {
          const err5 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data2 = data.requestId;
      if (typeof data2 === "string") {
        if (!pattern31.test(data2)) {
          const err7 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate34.errors = vErrors;
  return errors === 0;
}
var validateUnknownFrame = validate35;
function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (typeof data !== "string") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string" };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate35.errors = vErrors;
  return errors === 0;
}
var validateUnsubscribeAction = validate36;
function validate36(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.action === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.topics === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topics" }, message: "must have required property 'topics'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "action" || key0 === "topics" || key0 === "requestId")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data0 = data.action;
      if (typeof data0 !== "string") {
        const err3 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if ("unsubscribe" !== data0) {
        const err4 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/const", keyword: "const", params: { allowedValue: "unsubscribe" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.topics !== void 0) {
      let data1 = data.topics;
      if (Array.isArray(data1)) {
        if (data1.length > 20) {
          const err5 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (data1.length < 1) {
          const err6 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === "string") {
            if (func3(data2) > 256) {
              const err7 = { instancePath: instancePath + "/topics/" + i0, schemaPath: "#/properties/topics/items/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (func3(data2) < 1) {
              const err8 = { instancePath: instancePath + "/topics/" + i0, schemaPath: "#/properties/topics/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/topics/" + i0, schemaPath: "#/properties/topics/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data3 = data.requestId;
      if (typeof data3 === "string") {
        if (!pattern31.test(data3)) {
          const err11 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate36.errors = vErrors;
  return errors === 0;
}
var validateUnsubscribedFrame = validate37;
function validate37(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.unsubscribed === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "unsubscribed" }, message: "must have required property 'unsubscribed'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.topics === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "topics" }, message: "must have required property 'topics'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "requestId" || key0 === "unsubscribed" || key0 === "topics")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err4 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if ("unsubscribed" !== data0) {
        const err5 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "unsubscribed" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.requestId !== void 0) {
      let data1 = data.requestId;
      if (typeof data1 === "string") {
        if (!pattern31.test(data1)) {
          const err6 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,64}$"' };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/requestId", schemaPath: "#/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.unsubscribed !== void 0) {
      let data2 = data.unsubscribed;
      if (Array.isArray(data2)) {
        if (data2.length > 20) {
          const err8 = { instancePath: instancePath + "/unsubscribed", schemaPath: "#/properties/unsubscribed/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 === "string") {
            if (func3(data3) > 256) {
              const err9 = { instancePath: instancePath + "/unsubscribed/" + i0, schemaPath: "#/properties/unsubscribed/items/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/unsubscribed/" + i0, schemaPath: "#/properties/unsubscribed/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/unsubscribed", schemaPath: "#/properties/unsubscribed/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.topics !== void 0) {
      let data4 = data.topics;
      if (Array.isArray(data4)) {
        if (data4.length > 20) {
          const err12 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (typeof data5 === "string") {
            if (!pattern3.test(data5)) {
              const err13 = { instancePath: instancePath + "/topics/" + i1, schemaPath: "#/properties/topics/items/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          } else {
            const err14 = { instancePath: instancePath + "/topics/" + i1, schemaPath: "#/properties/topics/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/topics", schemaPath: "#/properties/topics/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate37.errors = vErrors;
  return errors === 0;
}
var validateUserMessageFrame = validate38;
function validate38(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.id === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.type === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.publishedAt === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "publishedAt" }, message: "must have required property 'publishedAt'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.correlationId === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "correlationId" }, message: "must have required property 'correlationId'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.payload === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "payload" }, message: "must have required property 'payload'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "kind" || key0 === "id" || key0 === "type" || key0 === "publishedAt" || key0 === "correlationId" || key0 === "offline" || key0 === "payload")) {
        const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err7 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if ("user" !== data0) {
        const err8 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "user" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data1 = data.id;
      if (typeof data1 === "string") {
        if (!pattern4.test(data1)) {
          const err9 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.type !== void 0) {
      let data2 = data.type;
      if (typeof data2 === "string") {
        if (!pattern26.test(data2)) {
          const err11 = { instancePath: instancePath + "/type", schemaPath: "#/properties/type/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}$"' };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/type", schemaPath: "#/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.publishedAt !== void 0) {
      let data3 = data.publishedAt;
      if (typeof data3 === "string") {
        if (!formats0.validate(data3)) {
          const err13 = { instancePath: instancePath + "/publishedAt", schemaPath: "#/properties/publishedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/publishedAt", schemaPath: "#/properties/publishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.correlationId !== void 0) {
      let data4 = data.correlationId;
      if (typeof data4 === "string") {
        if (!pattern4.test(data4)) {
          const err15 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._:-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._:-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/correlationId", schemaPath: "#/properties/correlationId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.offline !== void 0) {
      if (typeof data.offline !== "boolean") {
        const err17 = { instancePath: instancePath + "/offline", schemaPath: "#/properties/offline/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.payload !== void 0) {
      let data6 = data.payload;
      if (!(data6 && typeof data6 == "object" && !Array.isArray(data6))) {
        const err18 = { instancePath: instancePath + "/payload", schemaPath: "#/properties/payload/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
  } else {
    const err19 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err19];
    } else {
      vErrors.push(err19);
    }
    errors++;
  }
  validate38.errors = vErrors;
  return errors === 0;
}
var validateWelcomeFrame = validate39;
var schema40 = { "title": "WelcomeFrame", "type": "object", "additionalProperties": false, "required": ["kind", "connectionId", "userId", "realm", "accepted", "rejected", "expiresAt", "serverTime", "pendingOffline", "limits"], "properties": { "kind": { "type": "string", "const": "welcome" }, "connectionId": { "title": "ConnectionId", "type": "string", "pattern": "^[A-Za-z0-9+/=_-]{1,128}$" }, "userId": { "title": "UserId", "type": "string", "pattern": "^[A-Za-z0-9._@:+|-]{1,128}$" }, "realm": { "title": "Realm", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "accepted": { "type": "array", "maxItems": 20, "items": { "title": "TopicName", "type": "string", "description": "A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family\n(`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.\n", "pattern": "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" } }, "rejected": { "type": "array", "maxItems": 64, "items": { "title": "RejectedTopic", "type": "object", "additionalProperties": false, "required": ["topic", "code", "reason"], "properties": { "topic": { "type": "string", "maxLength": 256, "description": "The name as requested (possibly invalid)." }, "code": { "title": "TopicRejectionCode", "type": "string", "enum": ["UNKNOWN_TOPIC", "FORBIDDEN_TOPIC", "REALM_MISMATCH", "INVALID_TOPIC_NAME", "TOO_MANY_TOPICS", "INVALID_TOPIC_PARAMETER", "NOT_TOPIC_OWNER"] }, "reason": { "type": "string", "maxLength": 256 } } } }, "expiresAt": { "type": "string", "format": "date-time", "description": "When the connection's rows expire unless extended." }, "serverTime": { "type": "string", "format": "date-time" }, "pendingOffline": { "type": "integer", "minimum": 0, "description": "How many offline user messages follow this frame." }, "limits": { "title": "ConnectionLimits", "type": "object", "additionalProperties": false, "required": ["idleTimeoutSeconds", "maxConnectionSeconds", "connectionTtlSeconds"], "properties": { "idleTimeoutSeconds": { "type": "integer", "minimum": 1 }, "maxConnectionSeconds": { "type": "integer", "minimum": 1 }, "connectionTtlSeconds": { "type": "integer", "minimum": 1 } } }, "recovery": { "type": "array", "maxItems": 21, "description": "Only on a connection opened with `recovery=welcome` and `since`: the answer to each position sent,\nin place of the `recovery` frames (same meaning, see RecoveryFrame). One item per topic sent with a\nposition, positions that were ignored included (`SINCE_INVALID`, `SINCE_UNKNOWN_TOPIC`, and topic\n`*` for entries beyond the limits: at most `x-limits.maxTopicsPerConnection` + 1 items).\n`replayed`: how many `replayed: true` frames of that topic follow this welcome, before the inbox.\n", "items": { "title": "RecoveryOutcome", "type": "object", "additionalProperties": false, "required": ["topic", "recovered", "replayed"], "description": "One item of the welcome's `recovery` array: the fields of a RecoveryFrame without `kind` and\n`requestId`, with the same meaning, except that `replayed` counts the frames of the topic that follow\nthe welcome.\n", "properties": { "topic": { "type": "string", "maxLength": 256, "description": "The topic as sent (cut to 256 characters)." }, "recovered": { "type": "boolean" }, "replayed": { "type": "integer", "minimum": 0, "description": "Frames of this topic replayed after the welcome." }, "code": { "title": "RecoveryCode", "type": "string", "description": "Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.", "enum": ["EPOCH_CHANGED", "HISTORY_TRIMMED", "SINCE_INVALID", "SINCE_UNKNOWN_TOPIC", "SINCE_AHEAD"] }, "reason": { "type": "string", "maxLength": 256 }, "offset": { "title": "StreamOffset", "type": "integer", "minimum": 0, "maximum": 9007199254740991, "description": "A message's position in the stream of its realm and concrete topic: 1 for the first publication of an\nepoch, then one more per publication (assigned atomically when the message is routed; a retried routing\nkeeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).\n" }, "epoch": { "title": "StreamEpoch", "type": "string", "description": "Names one generation of a stream; a new epoch starts when the history was lost or reset.", "pattern": "^[A-Za-z0-9_-]{1,32}$" } } } } }, "$id": "WelcomeFrame" };
function validate39(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.connectionId === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "connectionId" }, message: "must have required property 'connectionId'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.userId === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "userId" }, message: "must have required property 'userId'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.realm === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "realm" }, message: "must have required property 'realm'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.accepted === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "accepted" }, message: "must have required property 'accepted'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.rejected === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rejected" }, message: "must have required property 'rejected'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.expiresAt === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expiresAt" }, message: "must have required property 'expiresAt'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.serverTime === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "serverTime" }, message: "must have required property 'serverTime'" };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.pendingOffline === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "pendingOffline" }, message: "must have required property 'pendingOffline'" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.limits === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "limits" }, message: "must have required property 'limits'" };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema40.properties, key0)) {
        const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if (typeof data0 !== "string") {
        const err11 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if ("welcome" !== data0) {
        const err12 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "welcome" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.connectionId !== void 0) {
      let data1 = data.connectionId;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err13 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/=_-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9+/=_-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/connectionId", schemaPath: "#/properties/connectionId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.userId !== void 0) {
      let data2 = data.userId;
      if (typeof data2 === "string") {
        if (!pattern1.test(data2)) {
          const err15 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._@:+|-]{1,128}$" }, message: 'must match pattern "^[A-Za-z0-9._@:+|-]{1,128}$"' };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/userId", schemaPath: "#/properties/userId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.realm !== void 0) {
      let data3 = data.realm;
      if (typeof data3 === "string") {
        if (!pattern2.test(data3)) {
          const err17 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"' };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/realm", schemaPath: "#/properties/realm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.accepted !== void 0) {
      let data4 = data.accepted;
      if (Array.isArray(data4)) {
        if (data4.length > 20) {
          const err19 = { instancePath: instancePath + "/accepted", schemaPath: "#/properties/accepted/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items" };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data5 = data4[i0];
          if (typeof data5 === "string") {
            if (!pattern3.test(data5)) {
              const err20 = { instancePath: instancePath + "/accepted/" + i0, schemaPath: "#/properties/accepted/items/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$"' };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/accepted/" + i0, schemaPath: "#/properties/accepted/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
      } else {
        const err22 = { instancePath: instancePath + "/accepted", schemaPath: "#/properties/accepted/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.rejected !== void 0) {
      let data6 = data.rejected;
      if (Array.isArray(data6)) {
        if (data6.length > 64) {
          const err23 = { instancePath: instancePath + "/rejected", schemaPath: "#/properties/rejected/maxItems", keyword: "maxItems", params: { limit: 64 }, message: "must NOT have more than 64 items" };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
        const len1 = data6.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data7 = data6[i1];
          if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            if (data7.topic === void 0) {
              const err24 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (data7.code === void 0) {
              const err25 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/required", keyword: "required", params: { missingProperty: "code" }, message: "must have required property 'code'" };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            if (data7.reason === void 0) {
              const err26 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
            for (const key1 in data7) {
              if (!(key1 === "topic" || key1 === "code" || key1 === "reason")) {
                const err27 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data7.topic !== void 0) {
              let data8 = data7.topic;
              if (typeof data8 === "string") {
                if (func3(data8) > 256) {
                  const err28 = { instancePath: instancePath + "/rejected/" + i1 + "/topic", schemaPath: "#/properties/rejected/items/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              } else {
                const err29 = { instancePath: instancePath + "/rejected/" + i1 + "/topic", schemaPath: "#/properties/rejected/items/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data7.code !== void 0) {
              let data9 = data7.code;
              if (typeof data9 !== "string") {
                const err30 = { instancePath: instancePath + "/rejected/" + i1 + "/code", schemaPath: "#/properties/rejected/items/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
              if (!(data9 === "UNKNOWN_TOPIC" || data9 === "FORBIDDEN_TOPIC" || data9 === "REALM_MISMATCH" || data9 === "INVALID_TOPIC_NAME" || data9 === "TOO_MANY_TOPICS" || data9 === "INVALID_TOPIC_PARAMETER" || data9 === "NOT_TOPIC_OWNER")) {
                const err31 = { instancePath: instancePath + "/rejected/" + i1 + "/code", schemaPath: "#/properties/rejected/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema40.properties.rejected.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data7.reason !== void 0) {
              let data10 = data7.reason;
              if (typeof data10 === "string") {
                if (func3(data10) > 256) {
                  const err32 = { instancePath: instancePath + "/rejected/" + i1 + "/reason", schemaPath: "#/properties/rejected/items/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/rejected/" + i1 + "/reason", schemaPath: "#/properties/rejected/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
          } else {
            const err34 = { instancePath: instancePath + "/rejected/" + i1, schemaPath: "#/properties/rejected/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
      } else {
        const err35 = { instancePath: instancePath + "/rejected", schemaPath: "#/properties/rejected/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.expiresAt !== void 0) {
      let data11 = data.expiresAt;
      if (typeof data11 === "string") {
        if (!formats0.validate(data11)) {
          const err36 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
      } else {
        const err37 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.serverTime !== void 0) {
      let data12 = data.serverTime;
      if (typeof data12 === "string") {
        if (!formats0.validate(data12)) {
          const err38 = { instancePath: instancePath + "/serverTime", schemaPath: "#/properties/serverTime/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
      } else {
        const err39 = { instancePath: instancePath + "/serverTime", schemaPath: "#/properties/serverTime/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.pendingOffline !== void 0) {
      let data13 = data.pendingOffline;
      if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
        const err40 = { instancePath: instancePath + "/pendingOffline", schemaPath: "#/properties/pendingOffline/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
      if (typeof data13 == "number" && isFinite(data13)) {
        if (data13 < 0 || isNaN(data13)) {
          const err41 = { instancePath: instancePath + "/pendingOffline", schemaPath: "#/properties/pendingOffline/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err41];
          } else {
            vErrors.push(err41);
          }
          errors++;
        }
      }
    }
    if (data.limits !== void 0) {
      let data14 = data.limits;
      if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
        if (data14.idleTimeoutSeconds === void 0) {
          const err42 = { instancePath: instancePath + "/limits", schemaPath: "#/properties/limits/required", keyword: "required", params: { missingProperty: "idleTimeoutSeconds" }, message: "must have required property 'idleTimeoutSeconds'" };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
        if (data14.maxConnectionSeconds === void 0) {
          const err43 = { instancePath: instancePath + "/limits", schemaPath: "#/properties/limits/required", keyword: "required", params: { missingProperty: "maxConnectionSeconds" }, message: "must have required property 'maxConnectionSeconds'" };
          if (vErrors === null) {
            vErrors = [err43];
          } else {
            vErrors.push(err43);
          }
          errors++;
        }
        if (data14.connectionTtlSeconds === void 0) {
          const err44 = { instancePath: instancePath + "/limits", schemaPath: "#/properties/limits/required", keyword: "required", params: { missingProperty: "connectionTtlSeconds" }, message: "must have required property 'connectionTtlSeconds'" };
          if (vErrors === null) {
            vErrors = [err44];
          } else {
            vErrors.push(err44);
          }
          errors++;
        }
        for (const key2 in data14) {
          if (!(key2 === "idleTimeoutSeconds" || key2 === "maxConnectionSeconds" || key2 === "connectionTtlSeconds")) {
            const err45 = { instancePath: instancePath + "/limits", schemaPath: "#/properties/limits/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
        if (data14.idleTimeoutSeconds !== void 0) {
          let data15 = data14.idleTimeoutSeconds;
          if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
            const err46 = { instancePath: instancePath + "/limits/idleTimeoutSeconds", schemaPath: "#/properties/limits/properties/idleTimeoutSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
          if (typeof data15 == "number" && isFinite(data15)) {
            if (data15 < 1 || isNaN(data15)) {
              const err47 = { instancePath: instancePath + "/limits/idleTimeoutSeconds", schemaPath: "#/properties/limits/properties/idleTimeoutSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
          }
        }
        if (data14.maxConnectionSeconds !== void 0) {
          let data16 = data14.maxConnectionSeconds;
          if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
            const err48 = { instancePath: instancePath + "/limits/maxConnectionSeconds", schemaPath: "#/properties/limits/properties/maxConnectionSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
          if (typeof data16 == "number" && isFinite(data16)) {
            if (data16 < 1 || isNaN(data16)) {
              const err49 = { instancePath: instancePath + "/limits/maxConnectionSeconds", schemaPath: "#/properties/limits/properties/maxConnectionSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
          }
        }
        if (data14.connectionTtlSeconds !== void 0) {
          let data17 = data14.connectionTtlSeconds;
          if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
            const err50 = { instancePath: instancePath + "/limits/connectionTtlSeconds", schemaPath: "#/properties/limits/properties/connectionTtlSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
          if (typeof data17 == "number" && isFinite(data17)) {
            if (data17 < 1 || isNaN(data17)) {
              const err51 = { instancePath: instancePath + "/limits/connectionTtlSeconds", schemaPath: "#/properties/limits/properties/connectionTtlSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
          }
        }
      } else {
        const err52 = { instancePath: instancePath + "/limits", schemaPath: "#/properties/limits/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err52];
        } else {
          vErrors.push(err52);
        }
        errors++;
      }
    }
    if (data.recovery !== void 0) {
      let data18 = data.recovery;
      if (Array.isArray(data18)) {
        if (data18.length > 21) {
          const err53 = { instancePath: instancePath + "/recovery", schemaPath: "#/properties/recovery/maxItems", keyword: "maxItems", params: { limit: 21 }, message: "must NOT have more than 21 items" };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors++;
        }
        const len2 = data18.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data19 = data18[i2];
          if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
            if (data19.topic === void 0) {
              const err54 = { instancePath: instancePath + "/recovery/" + i2, schemaPath: "#/properties/recovery/items/required", keyword: "required", params: { missingProperty: "topic" }, message: "must have required property 'topic'" };
              if (vErrors === null) {
                vErrors = [err54];
              } else {
                vErrors.push(err54);
              }
              errors++;
            }
            if (data19.recovered === void 0) {
              const err55 = { instancePath: instancePath + "/recovery/" + i2, schemaPath: "#/properties/recovery/items/required", keyword: "required", params: { missingProperty: "recovered" }, message: "must have required property 'recovered'" };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
            if (data19.replayed === void 0) {
              const err56 = { instancePath: instancePath + "/recovery/" + i2, schemaPath: "#/properties/recovery/items/required", keyword: "required", params: { missingProperty: "replayed" }, message: "must have required property 'replayed'" };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
            for (const key3 in data19) {
              if (!(key3 === "topic" || key3 === "recovered" || key3 === "replayed" || key3 === "code" || key3 === "reason" || key3 === "offset" || key3 === "epoch")) {
                const err57 = { instancePath: instancePath + "/recovery/" + i2, schemaPath: "#/properties/recovery/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
            }
            if (data19.topic !== void 0) {
              let data20 = data19.topic;
              if (typeof data20 === "string") {
                if (func3(data20) > 256) {
                  const err58 = { instancePath: instancePath + "/recovery/" + i2 + "/topic", schemaPath: "#/properties/recovery/items/properties/topic/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
              } else {
                const err59 = { instancePath: instancePath + "/recovery/" + i2 + "/topic", schemaPath: "#/properties/recovery/items/properties/topic/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            if (data19.recovered !== void 0) {
              if (typeof data19.recovered !== "boolean") {
                const err60 = { instancePath: instancePath + "/recovery/" + i2 + "/recovered", schemaPath: "#/properties/recovery/items/properties/recovered/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                  vErrors = [err60];
                } else {
                  vErrors.push(err60);
                }
                errors++;
              }
            }
            if (data19.replayed !== void 0) {
              let data22 = data19.replayed;
              if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
                const err61 = { instancePath: instancePath + "/recovery/" + i2 + "/replayed", schemaPath: "#/properties/recovery/items/properties/replayed/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
              if (typeof data22 == "number" && isFinite(data22)) {
                if (data22 < 0 || isNaN(data22)) {
                  const err62 = { instancePath: instancePath + "/recovery/" + i2 + "/replayed", schemaPath: "#/properties/recovery/items/properties/replayed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err62];
                  } else {
                    vErrors.push(err62);
                  }
                  errors++;
                }
              }
            }
            if (data19.code !== void 0) {
              let data23 = data19.code;
              if (typeof data23 !== "string") {
                const err63 = { instancePath: instancePath + "/recovery/" + i2 + "/code", schemaPath: "#/properties/recovery/items/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err63];
                } else {
                  vErrors.push(err63);
                }
                errors++;
              }
              if (!(data23 === "EPOCH_CHANGED" || data23 === "HISTORY_TRIMMED" || data23 === "SINCE_INVALID" || data23 === "SINCE_UNKNOWN_TOPIC" || data23 === "SINCE_AHEAD")) {
                const err64 = { instancePath: instancePath + "/recovery/" + i2 + "/code", schemaPath: "#/properties/recovery/items/properties/code/enum", keyword: "enum", params: { allowedValues: schema40.properties.recovery.items.properties.code.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
            if (data19.reason !== void 0) {
              let data24 = data19.reason;
              if (typeof data24 === "string") {
                if (func3(data24) > 256) {
                  const err65 = { instancePath: instancePath + "/recovery/" + i2 + "/reason", schemaPath: "#/properties/recovery/items/properties/reason/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" };
                  if (vErrors === null) {
                    vErrors = [err65];
                  } else {
                    vErrors.push(err65);
                  }
                  errors++;
                }
              } else {
                const err66 = { instancePath: instancePath + "/recovery/" + i2 + "/reason", schemaPath: "#/properties/recovery/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err66];
                } else {
                  vErrors.push(err66);
                }
                errors++;
              }
            }
            if (data19.offset !== void 0) {
              let data25 = data19.offset;
              if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
                const err67 = { instancePath: instancePath + "/recovery/" + i2 + "/offset", schemaPath: "#/properties/recovery/items/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err67];
                } else {
                  vErrors.push(err67);
                }
                errors++;
              }
              if (typeof data25 == "number" && isFinite(data25)) {
                if (data25 > 9007199254740991 || isNaN(data25)) {
                  const err68 = { instancePath: instancePath + "/recovery/" + i2 + "/offset", schemaPath: "#/properties/recovery/items/properties/offset/maximum", keyword: "maximum", params: { comparison: "<=", limit: 9007199254740991 }, message: "must be <= 9007199254740991" };
                  if (vErrors === null) {
                    vErrors = [err68];
                  } else {
                    vErrors.push(err68);
                  }
                  errors++;
                }
                if (data25 < 0 || isNaN(data25)) {
                  const err69 = { instancePath: instancePath + "/recovery/" + i2 + "/offset", schemaPath: "#/properties/recovery/items/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err69];
                  } else {
                    vErrors.push(err69);
                  }
                  errors++;
                }
              }
            }
            if (data19.epoch !== void 0) {
              let data26 = data19.epoch;
              if (typeof data26 === "string") {
                if (!pattern6.test(data26)) {
                  const err70 = { instancePath: instancePath + "/recovery/" + i2 + "/epoch", schemaPath: "#/properties/recovery/items/properties/epoch/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,32}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,32}$"' };
                  if (vErrors === null) {
                    vErrors = [err70];
                  } else {
                    vErrors.push(err70);
                  }
                  errors++;
                }
              } else {
                const err71 = { instancePath: instancePath + "/recovery/" + i2 + "/epoch", schemaPath: "#/properties/recovery/items/properties/epoch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err71];
                } else {
                  vErrors.push(err71);
                }
                errors++;
              }
            }
          } else {
            const err72 = { instancePath: instancePath + "/recovery/" + i2, schemaPath: "#/properties/recovery/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err72];
            } else {
              vErrors.push(err72);
            }
            errors++;
          }
        }
      } else {
        const err73 = { instancePath: instancePath + "/recovery", schemaPath: "#/properties/recovery/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err73];
        } else {
          vErrors.push(err73);
        }
        errors++;
      }
    }
  } else {
    const err74 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err74];
    } else {
      vErrors.push(err74);
    }
    errors++;
  }
  validate39.errors = vErrors;
  return errors === 0;
}
export {
  validateConnectDeliveryJob,
  validateConnectionLimits,
  validateDeliveryJob,
  validateDrainDeliveryJob,
  validateErrorFrame,
  validateExtendTtlAction,
  validateFanoutJob,
  validateKafkaRejectedRecord,
  validateKeepAliveAction,
  validatePingAction,
  validatePongFrame,
  validateRecoveryFrame,
  validateRecoveryOutcome,
  validateRejectedTopic,
  validateRetryDeliveryJob,
  validateSincePosition,
  validateSinceRejection,
  validateStoredEnvelopeRef,
  validateStreamPosition,
  validateSubscribeAction,
  validateSubscribedFrame,
  validateTokenCheckJob,
  validateTopicMessageFrame,
  validateTraceRecord,
  validateTtlExtendedFrame,
  validateUnknownFrame,
  validateUnsubscribeAction,
  validateUnsubscribedFrame,
  validateUserMessageFrame,
  validateWelcomeFrame
};
export * from './payload-validators.js';
export * from './envelope-validators.js';
