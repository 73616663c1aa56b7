/* Generated from openapi/gateway.yaml by scripts/generate.ts. Do not edit; run `npm run generate`. */
"use strict";
exports.validateChatRequest = validate21;
const schema32 = {"type":"object","required":["messages"],"additionalProperties":true,"description":"Unified chat request. Keys not listed here (top_k, presence_penalty, response_format, seed, user, ...) are passed through to providers that accept them. A null field counts as absent (as in MLflow), at any depth except inside a JSON Schema.","properties":{"messages":{"type":"array","minItems":1,"items":{"$ref":"#/components/schemas/ChatMessage"}},"temperature":{"$ref":"#/components/schemas/Temperature"},"top_p":{"$ref":"#/components/schemas/TopP"},"n":{"$ref":"#/components/schemas/N"},"stop":{"$ref":"#/components/schemas/Stop"},"max_tokens":{"$ref":"#/components/schemas/MaxTokens"},"stream":{"type":["boolean","null"]},"stream_options":{"type":["object","null"],"additionalProperties":true},"model":{"type":"string","description":"On `/v1` routes, the endpoint name. Not allowed on the invocation routes."},"tools":{"type":["array","null"],"items":{"$ref":"#/components/schemas/Tool"}},"web_search_options":{"description":"OpenAI's web search options (`search_context_size`, `user_location`), served by OpenAI's search models, Anthropic's web search tool and Gemini's Google Search, and refused by other providers; each provider checks the fields. Beside them the gateway takes `filters.allowed_domains` (the Responses API web search tool's domain filter, which OpenAI's chat field lacks): the domains the search keeps to (no scheme, subdomains included, a path allowed; an empty list is no filter). Anthropic endpoints serve it, within the endpoint's own `web_search.allowed_domains` (the domains both allow); OpenAI, Azure OpenAI and Gemini endpoints refuse it with a 400, as they cannot keep a search to it: `{\"filters\": {\"allowed_domains\": [\"example.com\"]}}`."},"tool_choice":{"description":"\"none\", \"auto\", \"required\", or {\"type\":\"function\",\"function\":{\"name\":...}}. OpenAI's {\"type\":\"allowed_tools\",\"allowed_tools\":{\"mode\",\"tools\"}} reaches Mistral, Together AI, TGI, Anthropic, Bedrock Converse and Cohere as the allowed tools alone with its mode as the choice, Gemini as allowedFunctionNames with mode ANY (required) or the allowed tools alone (auto), and AI21 Jamba, which has no tool choice, as the allowed tools alone (auto only); a form the provider cannot honour is a 400 naming tool_choice.","oneOf":[{"type":"string"},{"type":"object","additionalProperties":true},{"type":"null"}]}}};
const schema43 = {"type":["number","null"],"minimum":0,"maximum":2,"description":"Sampling temperature in the OpenAI range 0..2; providers with another range scale it."};
const schema44 = {"type":["number","null"],"minimum":0,"maximum":1};
const schema45 = {"type":["integer","null"],"minimum":1,"maximum":128,"description":"Number of choices to generate, at most 128 as OpenAI allows (no provider generates more in one call, and the gateway's mock would build each in memory)."};
const schema46 = {"description":"Stop sequences. A bare string is accepted as a one-item list.","oneOf":[{"type":"string"},{"type":"array","minItems":1,"items":{"type":"string"}},{"type":"null"}]};
const schema47 = {"type":["integer","null"],"minimum":1};
const schema33 = {"type":"object","required":["role"],"additionalProperties":true,"properties":{"role":{"type":"string","description":"system, user, assistant or tool; also developer (OpenAI's newer name for system), which Anthropic, Amazon Bedrock, Gemini, Cohere, Mistral and AI21 Labs take as system instructions, MosaicML refuses (422), and other providers get as sent."},"content":{"oneOf":[{"type":"string"},{"type":"array","items":{"$ref":"#/components/schemas/ContentPart"}},{"type":"null"}]},"tool_calls":{"description":"The assistant turn's tool calls; null (as answers give it) is the same as absent.","oneOf":[{"type":"array","items":{"$ref":"#/components/schemas/ToolCall"}},{"type":"null"}]},"tool_call_id":{"type":["string","null"]},"refusal":{"type":["string","null"]},"name":{"type":["string","null"]},"reasoning_content":{"type":["string","null"],"description":"The model's thinking text (the readable text of `thinking_blocks`, Gemini's thought summaries, Mistral's or Cohere's thinking), as answers carry it. Accepted so that a client can send an answer's message back whole. On an assistant message of a request that reasons (one that asks for thinking with `reasoning_effort`, or Cohere's own `thinking`, or goes to a model that thinks unasked: Mistral's Magistral, a Cohere model named `reasoning`), Mistral gets it as a `thinking` content chunk before the text, and Cohere (on requests that go to its v2 API: tools, thinking) as a `thinking` content item; on other requests they do not get it. OpenAI-compatible servers behind another base, Together AI and TGI get the field as sent. Anthropic, Bedrock, Gemini, OpenAI's own API, Azure OpenAI and the other providers never get it (the signed `thinking_blocks` are what Anthropic checks, Gemini's signatures ride in tool-call ids; OpenAI's own API and Azure OpenAI refuse unknown fields)."},"annotations":{"type":["array","null"],"description":"The web pages an answer cited (UrlCitation), as answers carry them. Accepted so that a client can send an answer's message back whole; no provider gets them (none takes citations back, and OpenAI's own API, Azure OpenAI and Mistral refuse unknown message fields)."},"thinking_blocks":{"description":"An assistant turn's thinking blocks exactly as an answer gave them (Anthropic extended thinking, also Claude on Amazon Bedrock). Anthropic and Claude on Bedrock get them back in that turn's content where the answer had them (first, or where each block's `content_index` says), as they require during tool use; other providers ignore them. On a thinking request's tool loop, an assistant message with tool_calls sent without them gets those the gateway kept for its tool calls (response store); when the last one's are not kept, a 400 names this field.","oneOf":[{"type":"array","items":{"$ref":"#/components/schemas/ThinkingBlock"}},{"type":"null"}]}}};
const schema39 = {"type":"object","required":["id","type","function"],"properties":{"id":{"type":"string"},"type":{"type":"string","const":"function"},"function":{"type":"object","required":["name","arguments"],"properties":{"name":{"type":"string"},"arguments":{"type":"string","description":"The call's arguments as a JSON text."}}}}};
const schema34 = {"type":"object","required":["type"],"oneOf":[{"$ref":"#/components/schemas/TextContentPart"},{"$ref":"#/components/schemas/ImageContentPart"},{"$ref":"#/components/schemas/AudioContentPart"},{"$ref":"#/components/schemas/FileContentPart"}]};
const schema35 = {"type":"object","required":["type","text"],"properties":{"type":{"type":"string","const":"text"},"text":{"type":"string"}}};
const schema36 = {"type":"object","required":["type","image_url"],"properties":{"type":{"type":"string","const":"image_url"},"image_url":{"type":"object","required":["url"],"properties":{"url":{"type":"string"},"detail":{"type":["string","null"],"enum":["auto","low","high",null]}}}}};
const schema37 = {"type":"object","required":["type","input_audio"],"description":"Audio as OpenAI's chat completions take it (base64 `data` and its `format`). Gemini takes it as inline bytes, Mistral as its own audio chunk (`{\"type\": \"input_audio\", \"input_audio\": \"<base64>\"}`), OpenAI, Azure OpenAI and Together AI as sent; the other built-in providers but `mock` (which reads text parts only) refuse the part with a 400 naming it.","properties":{"type":{"type":"string","const":"input_audio"},"input_audio":{"type":"object","required":["data","format"],"properties":{"data":{"type":"string"},"format":{"type":"string","enum":["wav","mp3"]}}}}};
const schema38 = {"type":"object","required":["type","file"],"description":"A file as OpenAI's chat completions take it (PDFs and other documents). Anthropic and Amazon Bedrock Converse take `file_data` as a document block, Gemini as inline bytes, Mistral a PDF's `file_data` as a `document_url` chunk (other types and `file_id` are a 400); Together AI and TGI (whose chat APIs have no document part) and other providers without a mapping refuse the part with a 400 naming it.","properties":{"type":{"type":"string","const":"file"},"file":{"type":"object","properties":{"file_data":{"type":"string","description":"The file as a base64 data URL (data:application/pdf;base64,...)."},"file_id":{"type":"string","description":"An id from OpenAI's Files API (OpenAI only)."},"filename":{"type":"string"}}}}};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.text === undefined) && (missing0 = "text"))){
const err0 = {instancePath,schemaPath:"#/components/schemas/TextContentPart/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
let data0 = data.type;
const _errs5 = errors;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/TextContentPart/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if("text" !== data0){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/TextContentPart/properties/type/const",keyword:"const",params:{allowedValue: "text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs5 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.text !== undefined){
const _errs7 = errors;
if(typeof data.text !== "string"){
const err3 = {instancePath:instancePath+"/text",schemaPath:"#/components/schemas/TextContentPart/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/components/schemas/TextContentPart/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = {};
props0.type = true;
props0.text = true;
}
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((data.type === undefined) && (missing1 = "type")) || ((data.image_url === undefined) && (missing1 = "image_url"))){
const err5 = {instancePath,schemaPath:"#/components/schemas/ImageContentPart/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(data.type !== undefined){
let data2 = data.type;
const _errs12 = errors;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ImageContentPart/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if("image_url" !== data2){
const err7 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ImageContentPart/properties/type/const",keyword:"const",params:{allowedValue: "image_url"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var valid4 = _errs12 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data.image_url !== undefined){
let data3 = data.image_url;
const _errs14 = errors;
if(errors === _errs14){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing2;
if((data3.url === undefined) && (missing2 = "url")){
const err8 = {instancePath:instancePath+"/image_url",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data3.url !== undefined){
const _errs16 = errors;
if(typeof data3.url !== "string"){
const err9 = {instancePath:instancePath+"/image_url/url",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid5 = _errs16 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data3.detail !== undefined){
let data5 = data3.detail;
const _errs18 = errors;
if((typeof data5 !== "string") && (data5 !== null)){
const err10 = {instancePath:instancePath+"/image_url/detail",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/properties/detail/type",keyword:"type",params:{type: schema36.properties.image_url.properties.detail.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!((((data5 === "auto") || (data5 === "low")) || (data5 === "high")) || (data5 === null))){
const err11 = {instancePath:instancePath+"/image_url/detail",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/properties/detail/enum",keyword:"enum",params:{allowedValues: schema36.properties.image_url.properties.detail.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var valid5 = _errs18 === errors;
}
else {
var valid5 = true;
}
}
}
}
else {
const err12 = {instancePath:instancePath+"/image_url",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var valid4 = _errs14 === errors;
}
else {
var valid4 = true;
}
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/components/schemas/ImageContentPart/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var _valid0 = _errs9 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.image_url = true;
}
}
const _errs20 = errors;
const _errs21 = errors;
if(errors === _errs21){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if(((data.type === undefined) && (missing3 = "type")) || ((data.input_audio === undefined) && (missing3 = "input_audio"))){
const err14 = {instancePath,schemaPath:"#/components/schemas/AudioContentPart/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
if(data.type !== undefined){
let data6 = data.type;
const _errs23 = errors;
if(typeof data6 !== "string"){
const err15 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/AudioContentPart/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if("input_audio" !== data6){
const err16 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/AudioContentPart/properties/type/const",keyword:"const",params:{allowedValue: "input_audio"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var valid7 = _errs23 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data.input_audio !== undefined){
let data7 = data.input_audio;
const _errs25 = errors;
if(errors === _errs25){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing4;
if(((data7.data === undefined) && (missing4 = "data")) || ((data7.format === undefined) && (missing4 = "format"))){
const err17 = {instancePath:instancePath+"/input_audio",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
else {
if(data7.data !== undefined){
const _errs27 = errors;
if(typeof data7.data !== "string"){
const err18 = {instancePath:instancePath+"/input_audio/data",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var valid8 = _errs27 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data7.format !== undefined){
let data9 = data7.format;
const _errs29 = errors;
if(typeof data9 !== "string"){
const err19 = {instancePath:instancePath+"/input_audio/format",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((data9 === "wav") || (data9 === "mp3"))){
const err20 = {instancePath:instancePath+"/input_audio/format",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/properties/format/enum",keyword:"enum",params:{allowedValues: schema37.properties.input_audio.properties.format.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var valid8 = _errs29 === errors;
}
else {
var valid8 = true;
}
}
}
}
else {
const err21 = {instancePath:instancePath+"/input_audio",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var valid7 = _errs25 === errors;
}
else {
var valid7 = true;
}
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/components/schemas/AudioContentPart/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
var _valid0 = _errs20 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.input_audio = true;
}
}
const _errs31 = errors;
const _errs32 = errors;
if(errors === _errs32){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if(((data.type === undefined) && (missing5 = "type")) || ((data.file === undefined) && (missing5 = "file"))){
const err23 = {instancePath,schemaPath:"#/components/schemas/FileContentPart/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
else {
if(data.type !== undefined){
let data10 = data.type;
const _errs34 = errors;
if(typeof data10 !== "string"){
const err24 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/FileContentPart/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if("file" !== data10){
const err25 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/FileContentPart/properties/type/const",keyword:"const",params:{allowedValue: "file"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var valid10 = _errs34 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.file !== undefined){
let data11 = data.file;
const _errs36 = errors;
if(errors === _errs36){
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.file_data !== undefined){
const _errs38 = errors;
if(typeof data11.file_data !== "string"){
const err26 = {instancePath:instancePath+"/file/file_data",schemaPath:"#/components/schemas/FileContentPart/properties/file/properties/file_data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var valid11 = _errs38 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data11.file_id !== undefined){
const _errs40 = errors;
if(typeof data11.file_id !== "string"){
const err27 = {instancePath:instancePath+"/file/file_id",schemaPath:"#/components/schemas/FileContentPart/properties/file/properties/file_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var valid11 = _errs40 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data11.filename !== undefined){
const _errs42 = errors;
if(typeof data11.filename !== "string"){
const err28 = {instancePath:instancePath+"/file/filename",schemaPath:"#/components/schemas/FileContentPart/properties/file/properties/filename/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var valid11 = _errs42 === errors;
}
else {
var valid11 = true;
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/file",schemaPath:"#/components/schemas/FileContentPart/properties/file/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
var valid10 = _errs36 === errors;
}
else {
var valid10 = true;
}
}
}
}
else {
const err30 = {instancePath,schemaPath:"#/components/schemas/FileContentPart/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
var _valid0 = _errs31 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.file = true;
}
}
}
}
}
if(!valid0){
const err31 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
validate23.errors = vErrors;
return false;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if((data.type === undefined) && (missing6 = "type")){
validate23.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"}];
return false;
}
}
else {
validate23.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate23.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate23.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema40 = {"description":"One thinking block of an answer, with the signature or encrypted data the vendor checks when it comes back.","oneOf":[{"$ref":"#/components/schemas/SignedThinkingBlock"},{"$ref":"#/components/schemas/RedactedThinkingBlock"}]};
const schema41 = {"type":"object","required":["type","thinking","signature"],"properties":{"type":{"type":"string","const":"thinking"},"thinking":{"type":"string"},"signature":{"type":"string"},"content_index":{"type":"integer","minimum":0,"description":"Where the block was in its answer when not first (interleaved thinking): how many of the turn's other blocks came before it, its text counted as one block and each tool call as one. Claude gets the turn back with the block there. Absent on a block before all of them (as 0). In a stream, on each piece of the block."}}};
const schema42 = {"type":"object","required":["type","data"],"properties":{"type":{"type":"string","const":"redacted_thinking"},"data":{"type":"string","description":"The encrypted thinking, to be sent back unchanged."},"content_index":{"type":"integer","minimum":0,"description":"See SignedThinkingBlock.content_index."}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.type === undefined) && (missing0 = "type")) || ((data.thinking === undefined) && (missing0 = "thinking"))) || ((data.signature === undefined) && (missing0 = "signature"))){
const err0 = {instancePath,schemaPath:"#/components/schemas/SignedThinkingBlock/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
let data0 = data.type;
const _errs4 = errors;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if("thinking" !== data0){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/type/const",keyword:"const",params:{allowedValue: "thinking"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs4 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.thinking !== undefined){
const _errs6 = errors;
if(typeof data.thinking !== "string"){
const err3 = {instancePath:instancePath+"/thinking",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/thinking/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.signature !== undefined){
const _errs8 = errors;
if(typeof data.signature !== "string"){
const err4 = {instancePath:instancePath+"/signature",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid2 = _errs8 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.content_index !== undefined){
let data3 = data.content_index;
const _errs10 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err5 = {instancePath:instancePath+"/content_index",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/content_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(errors === _errs10){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err6 = {instancePath:instancePath+"/content_index",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/content_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
var valid2 = _errs10 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/components/schemas/SignedThinkingBlock/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = {};
props0.type = true;
props0.thinking = true;
props0.signature = true;
props0.content_index = true;
}
const _errs12 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((data.type === undefined) && (missing1 = "type")) || ((data.data === undefined) && (missing1 = "data"))){
const err8 = {instancePath,schemaPath:"#/components/schemas/RedactedThinkingBlock/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data.type !== undefined){
let data4 = data.type;
const _errs15 = errors;
if(typeof data4 !== "string"){
const err9 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if("redacted_thinking" !== data4){
const err10 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/type/const",keyword:"const",params:{allowedValue: "redacted_thinking"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var valid4 = _errs15 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data.data !== undefined){
const _errs17 = errors;
if(typeof data.data !== "string"){
const err11 = {instancePath:instancePath+"/data",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var valid4 = _errs17 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data.content_index !== undefined){
let data6 = data.content_index;
const _errs19 = errors;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err12 = {instancePath:instancePath+"/content_index",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/content_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(errors === _errs19){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err13 = {instancePath:instancePath+"/content_index",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/content_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
var valid4 = _errs19 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/components/schemas/RedactedThinkingBlock/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var _valid0 = _errs12 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.data = true;
props0.content_index = true;
}
}
}
if(!valid0){
const err15 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
validate25.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate25.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate25.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.role === undefined) && (missing0 = "role")){
validate22.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.role !== undefined){
const _errs2 = errors;
if(typeof data.role !== "string"){
validate22.errors = [{instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
let data1 = data.content;
const _errs4 = errors;
const _errs5 = errors;
let valid1 = false;
let passing0 = null;
const _errs6 = errors;
if(typeof data1 !== "string"){
const err0 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs6 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data1)){
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs10 = errors;
if(!(validate23(data1[i0], {instancePath:instancePath+"/content/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
var valid2 = _errs10 === errors;
if(!valid2){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs8 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
const _errs11 = errors;
if(data1 !== null){
const err2 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs11 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid1 = true;
passing0 = 2;
}
}
}
if(!valid1){
const err3 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate22.errors = vErrors;
return false;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tool_calls !== undefined){
let data3 = data.tool_calls;
const _errs13 = errors;
const _errs14 = errors;
let valid3 = false;
let passing1 = null;
const _errs15 = errors;
if(errors === _errs15){
if(Array.isArray(data3)){
var valid4 = true;
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
let data4 = data3[i1];
const _errs17 = errors;
const _errs18 = errors;
if(errors === _errs18){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if((((data4.id === undefined) && (missing1 = "id")) || ((data4.type === undefined) && (missing1 = "type"))) || ((data4.function === undefined) && (missing1 = "function"))){
const err4 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
if(data4.id !== undefined){
const _errs20 = errors;
if(typeof data4.id !== "string"){
const err5 = {instancePath:instancePath+"/tool_calls/" + i1+"/id",schemaPath:"#/components/schemas/ToolCall/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid6 = _errs20 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data4.type !== undefined){
let data6 = data4.type;
const _errs22 = errors;
if(typeof data6 !== "string"){
const err6 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/components/schemas/ToolCall/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if("function" !== data6){
const err7 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/components/schemas/ToolCall/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var valid6 = _errs22 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data4.function !== undefined){
let data7 = data4.function;
const _errs24 = errors;
if(errors === _errs24){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing2;
if(((data7.name === undefined) && (missing2 = "name")) || ((data7.arguments === undefined) && (missing2 = "arguments"))){
const err8 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data7.name !== undefined){
const _errs26 = errors;
if(typeof data7.name !== "string"){
const err9 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/name",schemaPath:"#/components/schemas/ToolCall/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid7 = _errs26 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data7.arguments !== undefined){
const _errs28 = errors;
if(typeof data7.arguments !== "string"){
const err10 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/arguments",schemaPath:"#/components/schemas/ToolCall/properties/function/properties/arguments/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var valid7 = _errs28 === errors;
}
else {
var valid7 = true;
}
}
}
}
else {
const err11 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
var valid6 = _errs24 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
else {
const err12 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var valid4 = _errs17 === errors;
if(!valid4){
break;
}
}
}
else {
const err13 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var _valid1 = _errs15 === errors;
if(_valid1){
valid3 = true;
passing1 = 0;
}
const _errs30 = errors;
if(data3 !== null){
const err14 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid1 = _errs30 === errors;
if(_valid1 && valid3){
valid3 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid3 = true;
passing1 = 1;
}
}
if(!valid3){
const err15 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
validate22.errors = vErrors;
return false;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tool_call_id !== undefined){
let data10 = data.tool_call_id;
const _errs32 = errors;
if((typeof data10 !== "string") && (data10 !== null)){
validate22.errors = [{instancePath:instancePath+"/tool_call_id",schemaPath:"#/properties/tool_call_id/type",keyword:"type",params:{type: schema33.properties.tool_call_id.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.refusal !== undefined){
let data11 = data.refusal;
const _errs34 = errors;
if((typeof data11 !== "string") && (data11 !== null)){
validate22.errors = [{instancePath:instancePath+"/refusal",schemaPath:"#/properties/refusal/type",keyword:"type",params:{type: schema33.properties.refusal.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs34 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.name !== undefined){
let data12 = data.name;
const _errs36 = errors;
if((typeof data12 !== "string") && (data12 !== null)){
validate22.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: schema33.properties.name.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs36 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reasoning_content !== undefined){
let data13 = data.reasoning_content;
const _errs38 = errors;
if((typeof data13 !== "string") && (data13 !== null)){
validate22.errors = [{instancePath:instancePath+"/reasoning_content",schemaPath:"#/properties/reasoning_content/type",keyword:"type",params:{type: schema33.properties.reasoning_content.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs38 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.annotations !== undefined){
let data14 = data.annotations;
const _errs40 = errors;
if((!(Array.isArray(data14))) && (data14 !== null)){
validate22.errors = [{instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/type",keyword:"type",params:{type: schema33.properties.annotations.type},message:"must be array,null"}];
return false;
}
var valid0 = _errs40 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.thinking_blocks !== undefined){
let data15 = data.thinking_blocks;
const _errs42 = errors;
const _errs43 = errors;
let valid8 = false;
let passing2 = null;
const _errs44 = errors;
if(errors === _errs44){
if(Array.isArray(data15)){
var valid9 = true;
const len2 = data15.length;
for(let i2=0; i2<len2; i2++){
const _errs46 = errors;
if(!(validate25(data15[i2], {instancePath:instancePath+"/thinking_blocks/" + i2,parentData:data15,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
var valid9 = _errs46 === errors;
if(!valid9){
break;
}
}
}
else {
const err16 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var _valid2 = _errs44 === errors;
if(_valid2){
valid8 = true;
passing2 = 0;
}
const _errs47 = errors;
if(data15 !== null){
const err17 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid2 = _errs47 === errors;
if(_valid2 && valid8){
valid8 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid8 = true;
passing2 = 1;
}
}
if(!valid8){
const err18 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
validate22.errors = vErrors;
return false;
}
else {
errors = _errs43;
if(vErrors !== null){
if(_errs43){
vErrors.length = _errs43;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs42 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema48 = {"type":"object","required":["type","function"],"additionalProperties":true,"properties":{"type":{"type":"string","const":"function"},"function":{"$ref":"#/components/schemas/FunctionDefinition"}}};
const schema49 = {"type":"object","required":["name"],"additionalProperties":true,"properties":{"name":{"type":"string","minLength":1},"description":{"type":["string","null"]},"parameters":{"type":["object","null"],"additionalProperties":true,"description":"A JSON Schema, passed to the provider whole (no keyword is dropped)."},"strict":{"type":["boolean","null"]}}};
const func1 = require("ajv/dist/runtime/ucs2length").default;

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.function === undefined) && (missing0 = "function"))){
validate28.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.type !== undefined){
let data0 = data.type;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate28.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if("function" !== data0){
validate28.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.function !== undefined){
let data1 = data.function;
const _errs4 = errors;
const _errs5 = errors;
if(errors === _errs5){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing1;
if((data1.name === undefined) && (missing1 = "name")){
validate28.errors = [{instancePath:instancePath+"/function",schemaPath:"#/components/schemas/FunctionDefinition/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
if(data1.name !== undefined){
let data2 = data1.name;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data2 === "string"){
if(func1(data2) < 1){
validate28.errors = [{instancePath:instancePath+"/function/name",schemaPath:"#/components/schemas/FunctionDefinition/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate28.errors = [{instancePath:instancePath+"/function/name",schemaPath:"#/components/schemas/FunctionDefinition/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs8 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.description !== undefined){
let data3 = data1.description;
const _errs10 = errors;
if((typeof data3 !== "string") && (data3 !== null)){
validate28.errors = [{instancePath:instancePath+"/function/description",schemaPath:"#/components/schemas/FunctionDefinition/properties/description/type",keyword:"type",params:{type: schema49.properties.description.type},message:"must be string,null"}];
return false;
}
var valid2 = _errs10 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.parameters !== undefined){
let data4 = data1.parameters;
const _errs12 = errors;
if((!(data4 && typeof data4 == "object" && !Array.isArray(data4))) && (data4 !== null)){
validate28.errors = [{instancePath:instancePath+"/function/parameters",schemaPath:"#/components/schemas/FunctionDefinition/properties/parameters/type",keyword:"type",params:{type: schema49.properties.parameters.type},message:"must be object,null"}];
return false;
}
var valid2 = _errs12 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.strict !== undefined){
let data5 = data1.strict;
const _errs15 = errors;
if((typeof data5 !== "boolean") && (data5 !== null)){
validate28.errors = [{instancePath:instancePath+"/function/strict",schemaPath:"#/components/schemas/FunctionDefinition/properties/strict/type",keyword:"type",params:{type: schema49.properties.strict.type},message:"must be boolean,null"}];
return false;
}
var valid2 = _errs15 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
else {
validate28.errors = [{instancePath:instancePath+"/function",schemaPath:"#/components/schemas/FunctionDefinition/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate28.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.messages === undefined) && (missing0 = "messages")){
validate21.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.messages !== undefined){
let data0 = data.messages;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
if(data0.length < 1){
validate21.errors = [{instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs4 = errors;
if(!(validate22(data0[i0], {instancePath:instancePath+"/messages/" + i0,parentData:data0,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.temperature !== undefined){
let data2 = data.temperature;
const _errs5 = errors;
const _errs6 = errors;
if((!((typeof data2 == "number") && (isFinite(data2)))) && (data2 !== null)){
validate21.errors = [{instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/type",keyword:"type",params:{type: schema43.type},message:"must be number,null"}];
return false;
}
if(errors === _errs6){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 2 || isNaN(data2)){
validate21.errors = [{instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate21.errors = [{instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.top_p !== undefined){
let data3 = data.top_p;
const _errs8 = errors;
const _errs9 = errors;
if((!((typeof data3 == "number") && (isFinite(data3)))) && (data3 !== null)){
validate21.errors = [{instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/type",keyword:"type",params:{type: schema44.type},message:"must be number,null"}];
return false;
}
if(errors === _errs9){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 1 || isNaN(data3)){
validate21.errors = [{instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate21.errors = [{instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.n !== undefined){
let data4 = data.n;
const _errs11 = errors;
const _errs12 = errors;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
validate21.errors = [{instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/type",keyword:"type",params:{type: schema45.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs12){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
validate21.errors = [{instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128"}];
return false;
}
else {
if(data4 < 1 || isNaN(data4)){
validate21.errors = [{instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stop !== undefined){
let data5 = data.stop;
const _errs14 = errors;
const _errs16 = errors;
let valid6 = false;
let passing0 = null;
const _errs17 = errors;
if(typeof data5 !== "string"){
const err0 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs17 === errors;
if(_valid0){
valid6 = true;
passing0 = 0;
}
const _errs19 = errors;
if(errors === _errs19){
if(Array.isArray(data5)){
if(data5.length < 1){
const err1 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
var valid7 = true;
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
const _errs21 = errors;
if(typeof data5[i1] !== "string"){
const err2 = {instancePath:instancePath+"/stop/" + i1,schemaPath:"#/components/schemas/Stop/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid7 = _errs21 === errors;
if(!valid7){
break;
}
}
}
}
else {
const err3 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var _valid0 = _errs19 === errors;
if(_valid0 && valid6){
valid6 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid6 = true;
passing0 = 1;
}
const _errs23 = errors;
if(data5 !== null){
const err4 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs23 === errors;
if(_valid0 && valid6){
valid6 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid6 = true;
passing0 = 2;
}
}
}
if(!valid6){
const err5 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate21.errors = vErrors;
return false;
}
else {
errors = _errs16;
if(vErrors !== null){
if(_errs16){
vErrors.length = _errs16;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_tokens !== undefined){
let data7 = data.max_tokens;
const _errs25 = errors;
const _errs26 = errors;
if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (data7 !== null)){
validate21.errors = [{instancePath:instancePath+"/max_tokens",schemaPath:"#/components/schemas/MaxTokens/type",keyword:"type",params:{type: schema47.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs26){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 1 || isNaN(data7)){
validate21.errors = [{instancePath:instancePath+"/max_tokens",schemaPath:"#/components/schemas/MaxTokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stream !== undefined){
let data8 = data.stream;
const _errs28 = errors;
if((typeof data8 !== "boolean") && (data8 !== null)){
validate21.errors = [{instancePath:instancePath+"/stream",schemaPath:"#/properties/stream/type",keyword:"type",params:{type: schema32.properties.stream.type},message:"must be boolean,null"}];
return false;
}
var valid0 = _errs28 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stream_options !== undefined){
let data9 = data.stream_options;
const _errs30 = errors;
if((!(data9 && typeof data9 == "object" && !Array.isArray(data9))) && (data9 !== null)){
validate21.errors = [{instancePath:instancePath+"/stream_options",schemaPath:"#/properties/stream_options/type",keyword:"type",params:{type: schema32.properties.stream_options.type},message:"must be object,null"}];
return false;
}
var valid0 = _errs30 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
const _errs33 = errors;
if(typeof data.model !== "string"){
validate21.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs33 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tools !== undefined){
let data11 = data.tools;
const _errs35 = errors;
if((!(Array.isArray(data11))) && (data11 !== null)){
validate21.errors = [{instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: schema32.properties.tools.type},message:"must be array,null"}];
return false;
}
if(errors === _errs35){
if(Array.isArray(data11)){
var valid9 = true;
const len2 = data11.length;
for(let i2=0; i2<len2; i2++){
const _errs37 = errors;
if(!(validate28(data11[i2], {instancePath:instancePath+"/tools/" + i2,parentData:data11,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
var valid9 = _errs37 === errors;
if(!valid9){
break;
}
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tool_choice !== undefined){
let data13 = data.tool_choice;
const _errs38 = errors;
const _errs39 = errors;
let valid10 = false;
let passing1 = null;
const _errs40 = errors;
if(typeof data13 !== "string"){
const err6 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid1 = _errs40 === errors;
if(_valid1){
valid10 = true;
passing1 = 0;
}
const _errs42 = errors;
if(errors === _errs42){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
}
else {
const err7 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid1 = _errs42 === errors;
if(_valid1 && valid10){
valid10 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid10 = true;
passing1 = 1;
}
const _errs45 = errors;
if(data13 !== null){
const err8 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid1 = _errs45 === errors;
if(_valid1 && valid10){
valid10 = false;
passing1 = [passing1, 2];
}
else {
if(_valid1){
valid10 = true;
passing1 = 2;
}
}
}
if(!valid10){
const err9 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
validate21.errors = vErrors;
return false;
}
else {
errors = _errs39;
if(vErrors !== null){
if(_errs39){
vErrors.length = _errs39;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs38 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.validateCompletionsRequest = validate30;
const schema50 = {"type":"object","required":["prompt"],"additionalProperties":true,"description":"A null field counts as absent (as in MLflow).","properties":{"prompt":{"anyOf":[{"type":"string"},{"type":"array","minItems":1,"items":{"type":"string"}},{"type":"array","minItems":1,"items":{"type":"integer","title":"token id"}},{"type":"array","minItems":1,"items":{"type":"array","minItems":1,"items":{"type":"integer","title":"token id"}}}],"description":"The prompt. A list holding one string (what LangChain's `OpenAI` LLM sends) is accepted as that string. `/v1/completions` also takes a list of 2 to 20 strings, streamed or not (see that route), and token ids as OpenAI does (a list of token ids, or a list of such lists), which only OpenAI's API and Azure OpenAI serve (any other provider or server behind `openai_api_base` refuses them with a 400 on `prompt`); the MLflow routes take one prompt as a string (several are a 422, token ids too)."},"temperature":{"$ref":"#/components/schemas/Temperature"},"top_p":{"$ref":"#/components/schemas/TopP"},"n":{"$ref":"#/components/schemas/N"},"stop":{"$ref":"#/components/schemas/Stop"},"max_tokens":{"$ref":"#/components/schemas/MaxTokens"},"stream":{"type":["boolean","null"]},"stream_options":{"type":["object","null"],"additionalProperties":true},"model":{"type":"string","description":"On `/v1` routes, the endpoint name. Not allowed on the invocation routes."}}};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.prompt === undefined) && (missing0 = "prompt")){
validate30.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.prompt !== undefined){
let data0 = data.prompt;
const _errs2 = errors;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data0)){
if(data0.length < 1){
const err1 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
var valid2 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs8 = errors;
if(typeof data0[i0] !== "string"){
const err2 = {instancePath:instancePath+"/prompt/" + i0,schemaPath:"#/properties/prompt/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs8 === errors;
if(!valid2){
break;
}
}
}
}
else {
const err3 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
var items0 = true;
}
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data0)){
if(data0.length < 1){
const err4 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/2/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
var valid3 = true;
const len1 = data0.length;
for(let i1=0; i1<len1; i1++){
let data2 = data0[i1];
const _errs12 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err5 = {instancePath:instancePath+"/prompt/" + i1,schemaPath:"#/properties/prompt/anyOf/2/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid3 = _errs12 === errors;
if(!valid3){
break;
}
}
}
}
else {
const err6 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/2/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
if(items0 !== true){
items0 = true;
}
}
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data0)){
if(data0.length < 1){
const err7 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/3/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
var valid4 = true;
const len2 = data0.length;
for(let i2=0; i2<len2; i2++){
let data3 = data0[i2];
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data3)){
if(data3.length < 1){
const err8 = {instancePath:instancePath+"/prompt/" + i2,schemaPath:"#/properties/prompt/anyOf/3/items/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
var valid5 = true;
const len3 = data3.length;
for(let i3=0; i3<len3; i3++){
let data4 = data3[i3];
const _errs18 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err9 = {instancePath:instancePath+"/prompt/" + i2+"/" + i3,schemaPath:"#/properties/prompt/anyOf/3/items/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid5 = _errs18 === errors;
if(!valid5){
break;
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/prompt/" + i2,schemaPath:"#/properties/prompt/anyOf/3/items/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var valid4 = _errs16 === errors;
if(!valid4){
break;
}
}
}
}
else {
const err11 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/3/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
var _valid0 = _errs14 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
if(items0 !== true){
items0 = true;
}
}
if(!valid1){
const err12 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
validate30.errors = vErrors;
return false;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.temperature !== undefined){
let data5 = data.temperature;
const _errs20 = errors;
const _errs21 = errors;
if((!((typeof data5 == "number") && (isFinite(data5)))) && (data5 !== null)){
validate30.errors = [{instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/type",keyword:"type",params:{type: schema43.type},message:"must be number,null"}];
return false;
}
if(errors === _errs21){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 2 || isNaN(data5)){
validate30.errors = [{instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate30.errors = [{instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.top_p !== undefined){
let data6 = data.top_p;
const _errs23 = errors;
const _errs24 = errors;
if((!((typeof data6 == "number") && (isFinite(data6)))) && (data6 !== null)){
validate30.errors = [{instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/type",keyword:"type",params:{type: schema44.type},message:"must be number,null"}];
return false;
}
if(errors === _errs24){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 1 || isNaN(data6)){
validate30.errors = [{instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data6 < 0 || isNaN(data6)){
validate30.errors = [{instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.n !== undefined){
let data7 = data.n;
const _errs26 = errors;
const _errs27 = errors;
if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (data7 !== null)){
validate30.errors = [{instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/type",keyword:"type",params:{type: schema45.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs27){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 128 || isNaN(data7)){
validate30.errors = [{instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128"}];
return false;
}
else {
if(data7 < 1 || isNaN(data7)){
validate30.errors = [{instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stop !== undefined){
let data8 = data.stop;
const _errs29 = errors;
const _errs31 = errors;
let valid10 = false;
let passing0 = null;
const _errs32 = errors;
if(typeof data8 !== "string"){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var _valid1 = _errs32 === errors;
if(_valid1){
valid10 = true;
passing0 = 0;
}
const _errs34 = errors;
if(errors === _errs34){
if(Array.isArray(data8)){
if(data8.length < 1){
const err14 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
var valid11 = true;
const len4 = data8.length;
for(let i4=0; i4<len4; i4++){
const _errs36 = errors;
if(typeof data8[i4] !== "string"){
const err15 = {instancePath:instancePath+"/stop/" + i4,schemaPath:"#/components/schemas/Stop/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var valid11 = _errs36 === errors;
if(!valid11){
break;
}
}
}
}
else {
const err16 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var _valid1 = _errs34 === errors;
if(_valid1 && valid10){
valid10 = false;
passing0 = [passing0, 1];
}
else {
if(_valid1){
valid10 = true;
passing0 = 1;
}
const _errs38 = errors;
if(data8 !== null){
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid1 = _errs38 === errors;
if(_valid1 && valid10){
valid10 = false;
passing0 = [passing0, 2];
}
else {
if(_valid1){
valid10 = true;
passing0 = 2;
}
}
}
if(!valid10){
const err18 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
validate30.errors = vErrors;
return false;
}
else {
errors = _errs31;
if(vErrors !== null){
if(_errs31){
vErrors.length = _errs31;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_tokens !== undefined){
let data10 = data.max_tokens;
const _errs40 = errors;
const _errs41 = errors;
if((!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) && (data10 !== null)){
validate30.errors = [{instancePath:instancePath+"/max_tokens",schemaPath:"#/components/schemas/MaxTokens/type",keyword:"type",params:{type: schema47.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs41){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 1 || isNaN(data10)){
validate30.errors = [{instancePath:instancePath+"/max_tokens",schemaPath:"#/components/schemas/MaxTokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs40 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stream !== undefined){
let data11 = data.stream;
const _errs43 = errors;
if((typeof data11 !== "boolean") && (data11 !== null)){
validate30.errors = [{instancePath:instancePath+"/stream",schemaPath:"#/properties/stream/type",keyword:"type",params:{type: schema50.properties.stream.type},message:"must be boolean,null"}];
return false;
}
var valid0 = _errs43 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stream_options !== undefined){
let data12 = data.stream_options;
const _errs45 = errors;
if((!(data12 && typeof data12 == "object" && !Array.isArray(data12))) && (data12 !== null)){
validate30.errors = [{instancePath:instancePath+"/stream_options",schemaPath:"#/properties/stream_options/type",keyword:"type",params:{type: schema50.properties.stream_options.type},message:"must be object,null"}];
return false;
}
var valid0 = _errs45 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
const _errs48 = errors;
if(typeof data.model !== "string"){
validate30.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs48 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate30.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.validateEmbeddingsRequest = validate31;
const schema56 = {"type":"object","required":["input"],"additionalProperties":true,"description":"Keys not listed here are passed through to providers that accept them. `encoding_format` is `float` (the default) or `base64` on every provider: OpenAI, Azure OpenAI and servers behind `openai_api_base` get it as sent, and the float vectors other providers answer with are encoded by the gateway (another value is a 400). `dimensions` goes to OpenAI, Azure OpenAI, servers behind `openai_api_base` and MLflow model serving as sent, to Gemini as `outputDimensionality` (the shortened vectors scaled to unit length, as OpenAI's are), to Mistral as `output_dimension`, and to Amazon Bedrock's Titan, Titan Multimodal, Nova and Cohere Embed v4 models in their own fields (the sizes each takes); Cohere, Together AI, PaLM, MosaicML and Bedrock's Cohere Embed v3 refuse it with a 400.","properties":{"input":{"description":"A text, texts, token ids or lists of token ids. As OpenAI's API, no text may be empty and no list either (`\"\"`, `[]`, `[\"\"]`, `[[]]` are a 400 naming the input, 422 on the MLflow routes, before anything is sent).","anyOf":[{"type":"string","minLength":1},{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},{"type":"array","minItems":1,"items":{"type":"integer","title":"token id"}},{"type":"array","minItems":1,"items":{"type":"array","minItems":1,"items":{"type":"integer","title":"token id"}}}]},"model":{"type":"string","description":"On `/v1` routes, the endpoint name. Not allowed on the invocation routes."}}};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.input === undefined) && (missing0 = "input")){
validate31.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.input !== undefined){
let data0 = data.input;
const _errs2 = errors;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err0 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data0)){
if(data0.length < 1){
const err2 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
var valid2 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs8 = errors;
if(errors === _errs8){
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err3 = {instancePath:instancePath+"/input/" + i0,schemaPath:"#/properties/input/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/input/" + i0,schemaPath:"#/properties/input/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid2 = _errs8 === errors;
if(!valid2){
break;
}
}
}
}
else {
const err5 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
var items0 = true;
}
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data0)){
if(data0.length < 1){
const err6 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/2/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
var valid3 = true;
const len1 = data0.length;
for(let i1=0; i1<len1; i1++){
let data2 = data0[i1];
const _errs12 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err7 = {instancePath:instancePath+"/input/" + i1,schemaPath:"#/properties/input/anyOf/2/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var valid3 = _errs12 === errors;
if(!valid3){
break;
}
}
}
}
else {
const err8 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/2/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
if(items0 !== true){
items0 = true;
}
}
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data0)){
if(data0.length < 1){
const err9 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/3/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
var valid4 = true;
const len2 = data0.length;
for(let i2=0; i2<len2; i2++){
let data3 = data0[i2];
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data3)){
if(data3.length < 1){
const err10 = {instancePath:instancePath+"/input/" + i2,schemaPath:"#/properties/input/anyOf/3/items/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
var valid5 = true;
const len3 = data3.length;
for(let i3=0; i3<len3; i3++){
let data4 = data3[i3];
const _errs18 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err11 = {instancePath:instancePath+"/input/" + i2+"/" + i3,schemaPath:"#/properties/input/anyOf/3/items/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var valid5 = _errs18 === errors;
if(!valid5){
break;
}
}
}
}
else {
const err12 = {instancePath:instancePath+"/input/" + i2,schemaPath:"#/properties/input/anyOf/3/items/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var valid4 = _errs16 === errors;
if(!valid4){
break;
}
}
}
}
else {
const err13 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/3/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var _valid0 = _errs14 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
if(items0 !== true){
items0 = true;
}
}
if(!valid1){
const err14 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
validate31.errors = vErrors;
return false;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
const _errs20 = errors;
if(typeof data.model !== "string"){
validate31.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate31.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.validateResponsesRequest = validate32;
const schema57 = {"type":"object","required":["model","input"],"additionalProperties":true,"description":"A Responses API request; `model` names an `llm/v1/chat` endpoint or a chat traffic route. Keys not listed here are passed on in the chat request, as on `/v1/chat/completions`, but for an `n` other than 1, a 400 (a Response holds one answer). A null field counts as absent.","properties":{"model":{"type":"string","description":"The endpoint (or traffic route) name."},"input":{"description":"A user message's text, or the conversation as a list of items. An empty text is an empty user message, as an empty message item's: a provider that refuses one (Anthropic, Amazon Bedrock) refuses it with a 400 naming `input`.","oneOf":[{"type":"string"},{"type":"array","minItems":1,"items":{"$ref":"#/components/schemas/ResponsesInputItem"}}]},"instructions":{"type":["string","null"],"description":"Sent as a system message before the input. An empty string is no instructions (no system message is sent: it would carry nothing, and some providers refuse an empty one)."},"max_output_tokens":{"type":["integer","null"],"minimum":1,"description":"Sent as the chat request's `max_tokens`."},"temperature":{"$ref":"#/components/schemas/Temperature"},"top_p":{"$ref":"#/components/schemas/TopP"},"stream":{"type":["boolean","null"]},"stream_options":{"type":["object","null"],"additionalProperties":true,"description":"Ignored (the gateway adds no obfuscation); a stream's last event carries the usage the provider reported, which the gateway asks for."},"tools":{"type":["array","null"],"description":"Function tools, and at most one web search tool (`web_search`, `web_search_preview` and their dated variants), which is the chat request's `web_search_options`; another tool type (file_search, ...) is a 400 naming `tools[i].type`.","items":{"oneOf":[{"$ref":"#/components/schemas/ResponsesFunctionTool"},{"$ref":"#/components/schemas/ResponsesWebSearchTool"}]}},"tool_choice":{"description":"Naming the web search tool (`{\"type\": \"web_search\"}` or another variant's type) needs one in `tools`, and is not sent: the chat request cannot force a search. `none` turns the search off as well (no `web_search_options` is sent). Without function tools the chat request has no `tools` (`[]` is none) and no `parallel_tool_calls`, and no tool_choice but one that asks for a call without a web search tool (`required`, a function), which the provider refuses.","oneOf":[{"type":"string","enum":["auto","none","required"]},{"type":"object","required":["type","name"],"properties":{"type":{"type":"string","const":"function"},"name":{"type":"string"}}},{"type":"object","required":["type"],"additionalProperties":false,"properties":{"type":{"type":"string","enum":["web_search","web_search_2025_08_26","web_search_preview","web_search_preview_2025_03_11"]}}},{"type":"null"}]},"parallel_tool_calls":{"type":["boolean","null"]},"text":{"type":["object","null"],"additionalProperties":false,"properties":{"format":{"$ref":"#/components/schemas/ResponsesTextFormat"},"verbosity":{"type":["string","null"],"description":"Sent as the chat request's `verbosity` (OpenAI's GPT-5 models; other providers refuse or ignore it as on chat)."}}},"reasoning":{"type":["object","null"],"description":"`effort` is sent as the chat request's `reasoning_effort`; `summary` is accepted and ignored (the answer's reasoning text, when the provider sends one, is always returned as a reasoning item).","additionalProperties":false,"properties":{"effort":{"type":["string","null"]},"summary":{"type":["string","null"]}}},"user":{"type":["string","null"]},"metadata":{"type":["object","null"],"additionalProperties":true,"description":"Echoed in the Response (and kept with it, for GET /v1/responses/{response_id}); not sent to the provider."},"store":{"type":["boolean","null"],"description":"`false`: the answer is not kept. Otherwise (the default, as OpenAI's) the gateway keeps its input and output items in memory (`response_store` in the config: 16 MB and an hour by default), under the caller's client key, for `previous_response_id` and `item_reference`."},"include":{"type":["array","null"],"items":{"type":"string"},"description":"`reasoning.encrypted_content` gives a reasoning item of an answer with signed thinking blocks (Claude on Anthropic or Amazon Bedrock) its `encrypted_content`, to send back with `store: false`; `web_search_call.action.sources` the search's cited pages; `message.output_text.logprobs` asks the provider for the answer's token log probabilities (the chat request's `logprobs: true`, with `top_logprobs`), given as the `output_text` part's `logprobs`. Other values are accepted and ignored. Codex and the Vercel AI SDK send it with reasoning models."},"top_logprobs":{"type":["integer","null"],"description":"How many most likely tokens to give at each step (0 to 20 on OpenAI; each provider takes or refuses the count as on `/v1/chat/completions`): sent as the chat request's `top_logprobs` when `include` has `message.output_text.logprobs`; without it, not sent, as OpenAI gives no log probabilities then."},"truncation":{"type":["string","null"],"enum":["auto","disabled",null],"description":"Accepted and ignored (the whole input is always sent; a context overflow is the provider's 400)."},"background":{"type":["boolean","null"],"description":"`true` is refused with a 400 (a background response must be stored and fetched later); `false` is the default."},"previous_response_id":{"type":["string","null"],"description":"A kept response to continue: its input and output items (and those of the responses it continued) come before `input`; its `instructions` do not carry over. One not kept (unknown, created with `store: false`, by another client key or on another gateway host, dropped for age or room) is a 400 with code `previous_response_not_found`. With `response_store.enabled: false`, a 400."},"conversation":{"description":"Refused with a 400 (the gateway keeps no conversations; use previous_response_id or send the whole input)."}}};
const schema71 = {"type":"object","required":["type","name"],"additionalProperties":false,"properties":{"type":{"type":"string","const":"function","description":"The gateway serves function tools only."},"name":{"type":"string","minLength":1},"description":{"type":["string","null"]},"parameters":{"type":["object","null"],"additionalProperties":true,"description":"A JSON Schema, passed to the provider whole."},"strict":{"type":["boolean","null"]}}};
const schema72 = {"type":"object","required":["type"],"additionalProperties":false,"description":"OpenAI's web search tool, served as the chat request's `web_search_options`, so each provider serves or refuses it as on `/v1/chat/completions` (OpenAI's search models, Anthropic's web search tool, ...). `search_context_size` is sent as is, `user_location` as chat's `{\"type\": \"approximate\", \"approximate\": {city, country, region, timezone}}`, a non-empty `filters.allowed_domains` as the gateway's `web_search_options.filters.allowed_domains` (served by Anthropic endpoints, within an endpoint's own list; refused by OpenAI and Gemini ones). What chat's web search cannot do is a 400 naming the field: a non-empty `filters.blocked_domains`, `external_web_access: false` (cached pages only) and image results (`search_content_types` with `image`).","properties":{"type":{"type":"string","enum":["web_search","web_search_2025_08_26","web_search_preview","web_search_preview_2025_03_11"]},"search_context_size":{"type":["string","null"],"enum":["low","medium","high",null]},"user_location":{"type":["object","null"],"additionalProperties":false,"properties":{"type":{"type":"string","const":"approximate"},"city":{"type":["string","null"]},"country":{"type":["string","null"]},"region":{"type":["string","null"]},"timezone":{"type":["string","null"]}}},"filters":{"type":["object","null"],"additionalProperties":false,"properties":{"allowed_domains":{"type":["array","null"],"items":{"type":"string"}},"blocked_domains":{"type":["array","null"],"items":{"type":"string"}}}},"external_web_access":{"type":["boolean","null"]},"search_content_types":{"type":["array","null"],"items":{"type":"string","enum":["text","image"]}}}};
const schema73 = {"description":"Sent as the chat request's `response_format`.","oneOf":[{"type":"object","required":["type"],"properties":{"type":{"type":"string","const":"text"}}},{"type":"object","required":["type"],"properties":{"type":{"type":"string","const":"json_object"}}},{"type":"object","required":["type","name","schema"],"properties":{"type":{"type":"string","const":"json_schema"},"name":{"type":"string"},"description":{"type":["string","null"]},"schema":{"type":"object","additionalProperties":true},"strict":{"type":["boolean","null"]}}}]};
const schema58 = {"description":"A message, a function call the model made, or its output. An answer's output items may be sent back as they came: `reasoning` items are accepted and left out of the chat request but for Claude's thinking blocks in their `encrypted_content`, and `web_search_call` items are left out (the message's text holds what the search found).","oneOf":[{"$ref":"#/components/schemas/ResponsesInputMessage"},{"$ref":"#/components/schemas/ResponsesFunctionCall"},{"$ref":"#/components/schemas/ResponsesFunctionCallOutput"},{"$ref":"#/components/schemas/ResponsesReasoningInput"},{"$ref":"#/components/schemas/ResponsesWebSearchCallInput"},{"$ref":"#/components/schemas/ResponsesItemReference"}]};
const schema64 = {"type":"object","required":["type","call_id","name","arguments"],"additionalProperties":true,"properties":{"type":{"type":"string","const":"function_call"},"call_id":{"type":"string"},"name":{"type":"string"},"arguments":{"type":"string"}}};
const schema65 = {"type":"object","required":["type","call_id","output"],"additionalProperties":true,"properties":{"type":{"type":"string","const":"function_call_output"},"call_id":{"type":"string"},"output":{"description":"The tool's result: a text, or a list of parts that become the chat `tool` message's content parts (text, image, file), which each provider takes or refuses as on `/v1/chat/completions`.","oneOf":[{"type":"string"},{"type":"array","items":{"oneOf":[{"type":"object","required":["type","text"],"properties":{"type":{"type":"string","const":"input_text"},"text":{"type":"string"}}},{"type":"object","required":["type","image_url"],"properties":{"type":{"type":"string","const":"input_image"},"image_url":{"type":"string","description":"An https URL or a data URL (data:image/png;base64,...)."},"detail":{"type":["string","null"],"enum":["auto","low","high",null]}}},{"type":"object","required":["type"],"description":"A file (a PDF or another document), sent as the chat request's `file` part with the same `file_data` (a base64 data URL), `file_id` (OpenAI's Files API) and `filename`, so each provider takes it or refuses it as on `/v1/chat/completions`. One of `file_data` and `file_id` is needed; `file_url` is refused with a 400 (a chat file part has no URL).","properties":{"type":{"type":"string","const":"input_file"},"file_data":{"type":"string","description":"The file as a base64 data URL (data:application/pdf;base64,...)."},"file_id":{"type":"string","description":"An id from OpenAI's Files API (OpenAI only)."},"filename":{"type":"string"},"file_url":{"type":"string","description":"Refused with a 400 naming it: download the file and send it as file_data."}}}]}}]}}};
const schema66 = {"type":"object","required":["type"],"additionalProperties":true,"description":"An answer's reasoning item sent back. Its `encrypted_content`, when the gateway made it, gives the answer's thinking blocks back to the assistant turn that follows it (its message and function calls), or, sent after an assistant message or function call (Claude's interleaved thinking), to that turn, placed after its items sent before it; any other (OpenAI's own) is left out, as is the rest of the item.","properties":{"type":{"type":"string","const":"reasoning"},"encrypted_content":{"type":["string","null"]}}};
const schema67 = {"type":"object","required":["type"],"additionalProperties":true,"description":"An answer's web_search_call item sent back; accepted and left out of the chat request.","properties":{"type":{"type":"string","const":"web_search_call"}}};
const schema68 = {"type":"object","required":["type","id"],"additionalProperties":false,"description":"An earlier item named by its id, as the Vercel AI SDK sends its items unless told `store: false`: a kept response's output item, or an input item it was sent with an `id`, from the response store (a miss is a 404 naming `input[i].id`). One naming a reasoning item (`rs_…`) is looked up for its thinking blocks, and left out when not kept; one naming a web search call (`ws_…`) is left out without a lookup, as the item itself is. With `response_store.enabled: false`, any other is refused with a 400 naming `input[i].id`.","properties":{"type":{"type":"string","const":"item_reference"},"id":{"type":"string"}}};
const schema59 = {"type":"object","required":["role","content"],"additionalProperties":true,"properties":{"type":{"type":"string","const":"message"},"role":{"type":"string","enum":["user","assistant","system","developer"]},"content":{"description":"A text, or a non-empty list of parts (an empty list is a 400 naming it, as OpenAI's API refuses one). An empty text goes on as an empty message (OpenAI takes it; pydantic-ai sends one with `instructions` alone); a provider that refuses empty text (Anthropic, Amazon Bedrock) refuses it with a 400 naming the item's field.","oneOf":[{"type":"string"},{"type":"array","minItems":1,"items":{"$ref":"#/components/schemas/ResponsesInputContent"}}]}}};
const schema60 = {"oneOf":[{"$ref":"#/components/schemas/ResponsesInputText"},{"type":"object","required":["type","text"],"description":"An assistant message's text, as an answer's message item holds it.","properties":{"type":{"type":"string","const":"output_text"},"text":{"type":"string"},"annotations":{"type":"array","description":"The text's citations, as an answer gave them; accepted and left out (no provider takes citations back)."}}},{"type":"object","required":["type","refusal"],"properties":{"type":{"type":"string","const":"refusal"},"refusal":{"type":"string"}}},{"$ref":"#/components/schemas/ResponsesInputImage"},{"$ref":"#/components/schemas/ResponsesInputFile"}]};
const schema61 = {"type":"object","required":["type","text"],"properties":{"type":{"type":"string","const":"input_text"},"text":{"type":"string"}}};
const schema62 = {"type":"object","required":["type","image_url"],"properties":{"type":{"type":"string","const":"input_image"},"image_url":{"type":"string","description":"An https URL or a data URL (data:image/png;base64,...)."},"detail":{"type":["string","null"],"enum":["auto","low","high",null]}}};
const schema63 = {"type":"object","required":["type"],"description":"A file (a PDF or another document), sent as the chat request's `file` part with the same `file_data` (a base64 data URL), `file_id` (OpenAI's Files API) and `filename`, so each provider takes it or refuses it as on `/v1/chat/completions`. One of `file_data` and `file_id` is needed; `file_url` is refused with a 400 (a chat file part has no URL).","properties":{"type":{"type":"string","const":"input_file"},"file_data":{"type":"string","description":"The file as a base64 data URL (data:application/pdf;base64,...)."},"file_id":{"type":"string","description":"An id from OpenAI's Files API (OpenAI only)."},"filename":{"type":"string"},"file_url":{"type":"string","description":"Refused with a 400 naming it: download the file and send it as file_data."}}};

function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate35.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.text === undefined) && (missing0 = "text"))){
const err0 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputText/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
let data0 = data.type;
const _errs4 = errors;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputText/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if("input_text" !== data0){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputText/properties/type/const",keyword:"const",params:{allowedValue: "input_text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs4 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.text !== undefined){
const _errs6 = errors;
if(typeof data.text !== "string"){
const err3 = {instancePath:instancePath+"/text",schemaPath:"#/components/schemas/ResponsesInputText/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputText/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = {};
props0.type = true;
props0.text = true;
}
const _errs8 = errors;
if(errors === _errs8){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((data.type === undefined) && (missing1 = "type")) || ((data.text === undefined) && (missing1 = "text"))){
const err5 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(data.type !== undefined){
let data2 = data.type;
const _errs10 = errors;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/type",schemaPath:"#/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if("output_text" !== data2){
const err7 = {instancePath:instancePath+"/type",schemaPath:"#/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "output_text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var valid3 = _errs10 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data.text !== undefined){
const _errs12 = errors;
if(typeof data.text !== "string"){
const err8 = {instancePath:instancePath+"/text",schemaPath:"#/oneOf/1/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var valid3 = _errs12 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data.annotations !== undefined){
const _errs14 = errors;
if(!(Array.isArray(data.annotations))){
const err9 = {instancePath:instancePath+"/annotations",schemaPath:"#/oneOf/1/properties/annotations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid3 = _errs14 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid0 = _errs8 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.text = true;
props0.annotations = true;
}
}
const _errs16 = errors;
if(errors === _errs16){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if(((data.type === undefined) && (missing2 = "type")) || ((data.refusal === undefined) && (missing2 = "refusal"))){
const err11 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
if(data.type !== undefined){
let data5 = data.type;
const _errs18 = errors;
if(typeof data5 !== "string"){
const err12 = {instancePath:instancePath+"/type",schemaPath:"#/oneOf/2/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if("refusal" !== data5){
const err13 = {instancePath:instancePath+"/type",schemaPath:"#/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "refusal"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var valid4 = _errs18 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data.refusal !== undefined){
const _errs20 = errors;
if(typeof data.refusal !== "string"){
const err14 = {instancePath:instancePath+"/refusal",schemaPath:"#/oneOf/2/properties/refusal/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var valid4 = _errs20 === errors;
}
else {
var valid4 = true;
}
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
var _valid0 = _errs16 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.refusal = true;
}
}
const _errs22 = errors;
const _errs23 = errors;
if(errors === _errs23){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if(((data.type === undefined) && (missing3 = "type")) || ((data.image_url === undefined) && (missing3 = "image_url"))){
const err16 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputImage/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
if(data.type !== undefined){
let data7 = data.type;
const _errs25 = errors;
if(typeof data7 !== "string"){
const err17 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputImage/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if("input_image" !== data7){
const err18 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputImage/properties/type/const",keyword:"const",params:{allowedValue: "input_image"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var valid6 = _errs25 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.image_url !== undefined){
const _errs27 = errors;
if(typeof data.image_url !== "string"){
const err19 = {instancePath:instancePath+"/image_url",schemaPath:"#/components/schemas/ResponsesInputImage/properties/image_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.detail !== undefined){
let data9 = data.detail;
const _errs29 = errors;
if((typeof data9 !== "string") && (data9 !== null)){
const err20 = {instancePath:instancePath+"/detail",schemaPath:"#/components/schemas/ResponsesInputImage/properties/detail/type",keyword:"type",params:{type: schema62.properties.detail.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!((((data9 === "auto") || (data9 === "low")) || (data9 === "high")) || (data9 === null))){
const err21 = {instancePath:instancePath+"/detail",schemaPath:"#/components/schemas/ResponsesInputImage/properties/detail/enum",keyword:"enum",params:{allowedValues: schema62.properties.detail.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var valid6 = _errs29 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputImage/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
var _valid0 = _errs22 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.image_url = true;
props0.detail = true;
}
}
const _errs31 = errors;
const _errs32 = errors;
if(errors === _errs32){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.type === undefined) && (missing4 = "type")){
const err23 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputFile/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
else {
if(data.type !== undefined){
let data10 = data.type;
const _errs34 = errors;
if(typeof data10 !== "string"){
const err24 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputFile/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if("input_file" !== data10){
const err25 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputFile/properties/type/const",keyword:"const",params:{allowedValue: "input_file"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var valid8 = _errs34 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.file_data !== undefined){
const _errs36 = errors;
if(typeof data.file_data !== "string"){
const err26 = {instancePath:instancePath+"/file_data",schemaPath:"#/components/schemas/ResponsesInputFile/properties/file_data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var valid8 = _errs36 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.file_id !== undefined){
const _errs38 = errors;
if(typeof data.file_id !== "string"){
const err27 = {instancePath:instancePath+"/file_id",schemaPath:"#/components/schemas/ResponsesInputFile/properties/file_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var valid8 = _errs38 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.filename !== undefined){
const _errs40 = errors;
if(typeof data.filename !== "string"){
const err28 = {instancePath:instancePath+"/filename",schemaPath:"#/components/schemas/ResponsesInputFile/properties/filename/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var valid8 = _errs40 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.file_url !== undefined){
const _errs42 = errors;
if(typeof data.file_url !== "string"){
const err29 = {instancePath:instancePath+"/file_url",schemaPath:"#/components/schemas/ResponsesInputFile/properties/file_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
var valid8 = _errs42 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
else {
const err30 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputFile/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
var _valid0 = _errs31 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid0 = true;
passing0 = 4;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.file_data = true;
props0.file_id = true;
props0.filename = true;
props0.file_url = true;
}
}
}
}
}
}
if(!valid0){
const err31 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
validate35.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate35.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate35.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.role === undefined) && (missing0 = "role")) || ((data.content === undefined) && (missing0 = "content"))){
validate34.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.type !== undefined){
let data0 = data.type;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate34.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if("message" !== data0){
validate34.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "message"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.role !== undefined){
let data1 = data.role;
const _errs4 = errors;
if(typeof data1 !== "string"){
validate34.errors = [{instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data1 === "user") || (data1 === "assistant")) || (data1 === "system")) || (data1 === "developer"))){
validate34.errors = [{instancePath:instancePath+"/role",schemaPath:"#/properties/role/enum",keyword:"enum",params:{allowedValues: schema59.properties.role.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
let data2 = data.content;
const _errs6 = errors;
const _errs7 = errors;
let valid1 = false;
let passing0 = null;
const _errs8 = errors;
if(typeof data2 !== "string"){
const err0 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs8 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data2)){
if(data2.length < 1){
const err1 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
var valid2 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs12 = errors;
if(!(validate35(data2[i0], {instancePath:instancePath+"/content/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
var valid2 = _errs12 === errors;
if(!valid2){
break;
}
}
}
}
else {
const err2 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
}
if(!valid1){
const err3 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate34.errors = vErrors;
return false;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate34.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(validate34(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = true;
}
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.call_id === undefined) && (missing0 = "call_id"))) || ((data.name === undefined) && (missing0 = "name"))) || ((data.arguments === undefined) && (missing0 = "arguments"))){
const err0 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCall/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
let data0 = data.type;
const _errs6 = errors;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if("function_call" !== data0){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/type/const",keyword:"const",params:{allowedValue: "function_call"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.call_id !== undefined){
const _errs8 = errors;
if(typeof data.call_id !== "string"){
const err3 = {instancePath:instancePath+"/call_id",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/call_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var valid2 = _errs8 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.name !== undefined){
const _errs10 = errors;
if(typeof data.name !== "string"){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid2 = _errs10 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.arguments !== undefined){
const _errs12 = errors;
if(typeof data.arguments !== "string"){
const err5 = {instancePath:instancePath+"/arguments",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/arguments/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid2 = _errs12 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = true;
}
}
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((((data.type === undefined) && (missing1 = "type")) || ((data.call_id === undefined) && (missing1 = "call_id"))) || ((data.output === undefined) && (missing1 = "output"))){
const err7 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
if(data.type !== undefined){
let data4 = data.type;
const _errs18 = errors;
if(typeof data4 !== "string"){
const err8 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if("function_call_output" !== data4){
const err9 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/type/const",keyword:"const",params:{allowedValue: "function_call_output"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid4 = _errs18 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data.call_id !== undefined){
const _errs20 = errors;
if(typeof data.call_id !== "string"){
const err10 = {instancePath:instancePath+"/call_id",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/call_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var valid4 = _errs20 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data.output !== undefined){
let data6 = data.output;
const _errs22 = errors;
const _errs23 = errors;
let valid5 = false;
let passing1 = null;
const _errs24 = errors;
if(typeof data6 !== "string"){
const err11 = {instancePath:instancePath+"/output",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid1 = _errs24 === errors;
if(_valid1){
valid5 = true;
passing1 = 0;
}
const _errs26 = errors;
if(errors === _errs26){
if(Array.isArray(data6)){
var valid6 = true;
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
const _errs28 = errors;
const _errs29 = errors;
let valid7 = false;
let passing2 = null;
const _errs30 = errors;
if(errors === _errs30){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing2;
if(((data7.type === undefined) && (missing2 = "type")) || ((data7.text === undefined) && (missing2 = "text"))){
const err12 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
if(data7.type !== undefined){
let data8 = data7.type;
const _errs32 = errors;
if(typeof data8 !== "string"){
const err13 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if("input_text" !== data8){
const err14 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "input_text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var valid8 = _errs32 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data7.text !== undefined){
const _errs34 = errors;
if(typeof data7.text !== "string"){
const err15 = {instancePath:instancePath+"/output/" + i0+"/text",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var valid8 = _errs34 === errors;
}
else {
var valid8 = true;
}
}
}
}
else {
const err16 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var _valid2 = _errs30 === errors;
if(_valid2){
valid7 = true;
passing2 = 0;
var props1 = {};
props1.type = true;
props1.text = true;
}
const _errs36 = errors;
if(errors === _errs36){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing3;
if(((data7.type === undefined) && (missing3 = "type")) || ((data7.image_url === undefined) && (missing3 = "image_url"))){
const err17 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
else {
if(data7.type !== undefined){
let data10 = data7.type;
const _errs38 = errors;
if(typeof data10 !== "string"){
const err18 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if("input_image" !== data10){
const err19 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "input_image"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var valid9 = _errs38 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data7.image_url !== undefined){
const _errs40 = errors;
if(typeof data7.image_url !== "string"){
const err20 = {instancePath:instancePath+"/output/" + i0+"/image_url",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/image_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var valid9 = _errs40 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data7.detail !== undefined){
let data12 = data7.detail;
const _errs42 = errors;
if((typeof data12 !== "string") && (data12 !== null)){
const err21 = {instancePath:instancePath+"/output/" + i0+"/detail",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/detail/type",keyword:"type",params:{type: schema65.properties.output.oneOf[1].items.oneOf[1].properties.detail.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(!((((data12 === "auto") || (data12 === "low")) || (data12 === "high")) || (data12 === null))){
const err22 = {instancePath:instancePath+"/output/" + i0+"/detail",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/detail/enum",keyword:"enum",params:{allowedValues: schema65.properties.output.oneOf[1].items.oneOf[1].properties.detail.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var valid9 = _errs42 === errors;
}
else {
var valid9 = true;
}
}
}
}
}
else {
const err23 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
var _valid2 = _errs36 === errors;
if(_valid2 && valid7){
valid7 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid7 = true;
passing2 = 1;
if(props1 !== true){
props1 = props1 || {};
props1.type = true;
props1.image_url = true;
props1.detail = true;
}
}
const _errs44 = errors;
if(errors === _errs44){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing4;
if((data7.type === undefined) && (missing4 = "type")){
const err24 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
else {
if(data7.type !== undefined){
let data13 = data7.type;
const _errs46 = errors;
if(typeof data13 !== "string"){
const err25 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if("input_file" !== data13){
const err26 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "input_file"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var valid10 = _errs46 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data7.file_data !== undefined){
const _errs48 = errors;
if(typeof data7.file_data !== "string"){
const err27 = {instancePath:instancePath+"/output/" + i0+"/file_data",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/file_data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var valid10 = _errs48 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data7.file_id !== undefined){
const _errs50 = errors;
if(typeof data7.file_id !== "string"){
const err28 = {instancePath:instancePath+"/output/" + i0+"/file_id",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/file_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var valid10 = _errs50 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data7.filename !== undefined){
const _errs52 = errors;
if(typeof data7.filename !== "string"){
const err29 = {instancePath:instancePath+"/output/" + i0+"/filename",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/filename/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
var valid10 = _errs52 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data7.file_url !== undefined){
const _errs54 = errors;
if(typeof data7.file_url !== "string"){
const err30 = {instancePath:instancePath+"/output/" + i0+"/file_url",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/file_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var valid10 = _errs54 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
}
}
else {
const err31 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
var _valid2 = _errs44 === errors;
if(_valid2 && valid7){
valid7 = false;
passing2 = [passing2, 2];
}
else {
if(_valid2){
valid7 = true;
passing2 = 2;
if(props1 !== true){
props1 = props1 || {};
props1.type = true;
props1.file_data = true;
props1.file_id = true;
props1.filename = true;
props1.file_url = true;
}
}
}
}
if(!valid7){
const err32 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
else {
errors = _errs29;
if(vErrors !== null){
if(_errs29){
vErrors.length = _errs29;
}
else {
vErrors = null;
}
}
}
var valid6 = _errs28 === errors;
if(!valid6){
break;
}
}
}
else {
const err33 = {instancePath:instancePath+"/output",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
var _valid1 = _errs26 === errors;
if(_valid1 && valid5){
valid5 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid5 = true;
passing1 = 1;
}
}
if(!valid5){
const err34 = {instancePath:instancePath+"/output",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
else {
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
}
var valid4 = _errs22 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
if(props0 !== true){
props0 = true;
}
}
const _errs56 = errors;
const _errs57 = errors;
if(errors === _errs57){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if((data.type === undefined) && (missing5 = "type")){
const err36 = {instancePath,schemaPath:"#/components/schemas/ResponsesReasoningInput/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
else {
if(data.type !== undefined){
let data18 = data.type;
const _errs60 = errors;
if(typeof data18 !== "string"){
const err37 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesReasoningInput/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if("reasoning" !== data18){
const err38 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesReasoningInput/properties/type/const",keyword:"const",params:{allowedValue: "reasoning"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var valid12 = _errs60 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data.encrypted_content !== undefined){
let data19 = data.encrypted_content;
const _errs62 = errors;
if((typeof data19 !== "string") && (data19 !== null)){
const err39 = {instancePath:instancePath+"/encrypted_content",schemaPath:"#/components/schemas/ResponsesReasoningInput/properties/encrypted_content/type",keyword:"type",params:{type: schema66.properties.encrypted_content.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var valid12 = _errs62 === errors;
}
else {
var valid12 = true;
}
}
}
}
else {
const err40 = {instancePath,schemaPath:"#/components/schemas/ResponsesReasoningInput/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
var _valid0 = _errs56 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
if(props0 !== true){
props0 = true;
}
}
const _errs64 = errors;
const _errs65 = errors;
if(errors === _errs65){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if((data.type === undefined) && (missing6 = "type")){
const err41 = {instancePath,schemaPath:"#/components/schemas/ResponsesWebSearchCallInput/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
else {
if(data.type !== undefined){
let data20 = data.type;
if(typeof data20 !== "string"){
const err42 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesWebSearchCallInput/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if("web_search_call" !== data20){
const err43 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesWebSearchCallInput/properties/type/const",keyword:"const",params:{allowedValue: "web_search_call"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
}
else {
const err44 = {instancePath,schemaPath:"#/components/schemas/ResponsesWebSearchCallInput/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
var _valid0 = _errs64 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid0 = true;
passing0 = 4;
if(props0 !== true){
props0 = true;
}
}
const _errs70 = errors;
const _errs71 = errors;
if(errors === _errs71){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing7;
if(((data.type === undefined) && (missing7 = "type")) || ((data.id === undefined) && (missing7 = "id"))){
const err45 = {instancePath,schemaPath:"#/components/schemas/ResponsesItemReference/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
else {
const _errs73 = errors;
for(const key0 in data){
if(!((key0 === "type") || (key0 === "id"))){
const err46 = {instancePath,schemaPath:"#/components/schemas/ResponsesItemReference/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
break;
}
}
if(_errs73 === errors){
if(data.type !== undefined){
let data21 = data.type;
const _errs74 = errors;
if(typeof data21 !== "string"){
const err47 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesItemReference/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if("item_reference" !== data21){
const err48 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesItemReference/properties/type/const",keyword:"const",params:{allowedValue: "item_reference"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
var valid16 = _errs74 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data.id !== undefined){
const _errs76 = errors;
if(typeof data.id !== "string"){
const err49 = {instancePath:instancePath+"/id",schemaPath:"#/components/schemas/ResponsesItemReference/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var valid16 = _errs76 === errors;
}
else {
var valid16 = true;
}
}
}
}
}
else {
const err50 = {instancePath,schemaPath:"#/components/schemas/ResponsesItemReference/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
var _valid0 = _errs70 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 5];
}
else {
if(_valid0){
valid0 = true;
passing0 = 5;
if(props0 !== true){
props0 = true;
}
}
}
}
}
}
}
if(!valid0){
const err51 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
validate33.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate33.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate33.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate32.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.model === undefined) && (missing0 = "model")) || ((data.input === undefined) && (missing0 = "input"))){
validate32.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.model !== undefined){
const _errs2 = errors;
if(typeof data.model !== "string"){
validate32.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.input !== undefined){
let data1 = data.input;
const _errs4 = errors;
const _errs5 = errors;
let valid1 = false;
let passing0 = null;
const _errs6 = errors;
if(typeof data1 !== "string"){
const err0 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs6 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data1)){
if(data1.length < 1){
const err1 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs10 = errors;
if(!(validate33(data1[i0], {instancePath:instancePath+"/input/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
var valid2 = _errs10 === errors;
if(!valid2){
break;
}
}
}
}
else {
const err2 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs8 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
}
if(!valid1){
const err3 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate32.errors = vErrors;
return false;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.instructions !== undefined){
let data3 = data.instructions;
const _errs11 = errors;
if((typeof data3 !== "string") && (data3 !== null)){
validate32.errors = [{instancePath:instancePath+"/instructions",schemaPath:"#/properties/instructions/type",keyword:"type",params:{type: schema57.properties.instructions.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_output_tokens !== undefined){
let data4 = data.max_output_tokens;
const _errs13 = errors;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
validate32.errors = [{instancePath:instancePath+"/max_output_tokens",schemaPath:"#/properties/max_output_tokens/type",keyword:"type",params:{type: schema57.properties.max_output_tokens.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs13){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 1 || isNaN(data4)){
validate32.errors = [{instancePath:instancePath+"/max_output_tokens",schemaPath:"#/properties/max_output_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.temperature !== undefined){
let data5 = data.temperature;
const _errs15 = errors;
const _errs16 = errors;
if((!((typeof data5 == "number") && (isFinite(data5)))) && (data5 !== null)){
validate32.errors = [{instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/type",keyword:"type",params:{type: schema43.type},message:"must be number,null"}];
return false;
}
if(errors === _errs16){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 2 || isNaN(data5)){
validate32.errors = [{instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate32.errors = [{instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.top_p !== undefined){
let data6 = data.top_p;
const _errs18 = errors;
const _errs19 = errors;
if((!((typeof data6 == "number") && (isFinite(data6)))) && (data6 !== null)){
validate32.errors = [{instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/type",keyword:"type",params:{type: schema44.type},message:"must be number,null"}];
return false;
}
if(errors === _errs19){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 1 || isNaN(data6)){
validate32.errors = [{instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data6 < 0 || isNaN(data6)){
validate32.errors = [{instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stream !== undefined){
let data7 = data.stream;
const _errs21 = errors;
if((typeof data7 !== "boolean") && (data7 !== null)){
validate32.errors = [{instancePath:instancePath+"/stream",schemaPath:"#/properties/stream/type",keyword:"type",params:{type: schema57.properties.stream.type},message:"must be boolean,null"}];
return false;
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stream_options !== undefined){
let data8 = data.stream_options;
const _errs23 = errors;
if((!(data8 && typeof data8 == "object" && !Array.isArray(data8))) && (data8 !== null)){
validate32.errors = [{instancePath:instancePath+"/stream_options",schemaPath:"#/properties/stream_options/type",keyword:"type",params:{type: schema57.properties.stream_options.type},message:"must be object,null"}];
return false;
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tools !== undefined){
let data9 = data.tools;
const _errs26 = errors;
if((!(Array.isArray(data9))) && (data9 !== null)){
validate32.errors = [{instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: schema57.properties.tools.type},message:"must be array,null"}];
return false;
}
if(errors === _errs26){
if(Array.isArray(data9)){
var valid5 = true;
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
const _errs28 = errors;
const _errs29 = errors;
let valid6 = false;
let passing1 = null;
const _errs30 = errors;
const _errs31 = errors;
if(errors === _errs31){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
let missing1;
if(((data10.type === undefined) && (missing1 = "type")) || ((data10.name === undefined) && (missing1 = "name"))){
const err4 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesFunctionTool/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
const _errs33 = errors;
for(const key0 in data10){
if(!(((((key0 === "type") || (key0 === "name")) || (key0 === "description")) || (key0 === "parameters")) || (key0 === "strict"))){
const err5 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesFunctionTool/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
break;
}
}
if(_errs33 === errors){
if(data10.type !== undefined){
let data11 = data10.type;
const _errs34 = errors;
if(typeof data11 !== "string"){
const err6 = {instancePath:instancePath+"/tools/" + i1+"/type",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if("function" !== data11){
const err7 = {instancePath:instancePath+"/tools/" + i1+"/type",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var valid8 = _errs34 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data10.name !== undefined){
let data12 = data10.name;
const _errs36 = errors;
if(errors === _errs36){
if(typeof data12 === "string"){
if(func1(data12) < 1){
const err8 = {instancePath:instancePath+"/tools/" + i1+"/name",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/tools/" + i1+"/name",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var valid8 = _errs36 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data10.description !== undefined){
let data13 = data10.description;
const _errs38 = errors;
if((typeof data13 !== "string") && (data13 !== null)){
const err10 = {instancePath:instancePath+"/tools/" + i1+"/description",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/description/type",keyword:"type",params:{type: schema71.properties.description.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var valid8 = _errs38 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data10.parameters !== undefined){
let data14 = data10.parameters;
const _errs40 = errors;
if((!(data14 && typeof data14 == "object" && !Array.isArray(data14))) && (data14 !== null)){
const err11 = {instancePath:instancePath+"/tools/" + i1+"/parameters",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/parameters/type",keyword:"type",params:{type: schema71.properties.parameters.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var valid8 = _errs40 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data10.strict !== undefined){
let data15 = data10.strict;
const _errs43 = errors;
if((typeof data15 !== "boolean") && (data15 !== null)){
const err12 = {instancePath:instancePath+"/tools/" + i1+"/strict",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/strict/type",keyword:"type",params:{type: schema71.properties.strict.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var valid8 = _errs43 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
}
else {
const err13 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesFunctionTool/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var _valid1 = _errs30 === errors;
if(_valid1){
valid6 = true;
passing1 = 0;
var props1 = true;
}
const _errs45 = errors;
const _errs46 = errors;
if(errors === _errs46){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
let missing2;
if((data10.type === undefined) && (missing2 = "type")){
const err14 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesWebSearchTool/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
const _errs48 = errors;
for(const key1 in data10){
if(!((((((key1 === "type") || (key1 === "search_context_size")) || (key1 === "user_location")) || (key1 === "filters")) || (key1 === "external_web_access")) || (key1 === "search_content_types"))){
const err15 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesWebSearchTool/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
break;
}
}
if(_errs48 === errors){
if(data10.type !== undefined){
let data16 = data10.type;
const _errs49 = errors;
if(typeof data16 !== "string"){
const err16 = {instancePath:instancePath+"/tools/" + i1+"/type",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(!((((data16 === "web_search") || (data16 === "web_search_2025_08_26")) || (data16 === "web_search_preview")) || (data16 === "web_search_preview_2025_03_11"))){
const err17 = {instancePath:instancePath+"/tools/" + i1+"/type",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/type/enum",keyword:"enum",params:{allowedValues: schema72.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var valid10 = _errs49 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data10.search_context_size !== undefined){
let data17 = data10.search_context_size;
const _errs51 = errors;
if((typeof data17 !== "string") && (data17 !== null)){
const err18 = {instancePath:instancePath+"/tools/" + i1+"/search_context_size",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_context_size/type",keyword:"type",params:{type: schema72.properties.search_context_size.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!((((data17 === "low") || (data17 === "medium")) || (data17 === "high")) || (data17 === null))){
const err19 = {instancePath:instancePath+"/tools/" + i1+"/search_context_size",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_context_size/enum",keyword:"enum",params:{allowedValues: schema72.properties.search_context_size.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var valid10 = _errs51 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data10.user_location !== undefined){
let data18 = data10.user_location;
const _errs53 = errors;
if((!(data18 && typeof data18 == "object" && !Array.isArray(data18))) && (data18 !== null)){
const err20 = {instancePath:instancePath+"/tools/" + i1+"/user_location",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/type",keyword:"type",params:{type: schema72.properties.user_location.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(errors === _errs53){
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
const _errs55 = errors;
for(const key2 in data18){
if(!(((((key2 === "type") || (key2 === "city")) || (key2 === "country")) || (key2 === "region")) || (key2 === "timezone"))){
const err21 = {instancePath:instancePath+"/tools/" + i1+"/user_location",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
break;
}
}
if(_errs55 === errors){
if(data18.type !== undefined){
let data19 = data18.type;
const _errs56 = errors;
if(typeof data19 !== "string"){
const err22 = {instancePath:instancePath+"/tools/" + i1+"/user_location/type",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if("approximate" !== data19){
const err23 = {instancePath:instancePath+"/tools/" + i1+"/user_location/type",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/type/const",keyword:"const",params:{allowedValue: "approximate"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var valid11 = _errs56 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data18.city !== undefined){
let data20 = data18.city;
const _errs58 = errors;
if((typeof data20 !== "string") && (data20 !== null)){
const err24 = {instancePath:instancePath+"/tools/" + i1+"/user_location/city",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/city/type",keyword:"type",params:{type: schema72.properties.user_location.properties.city.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var valid11 = _errs58 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data18.country !== undefined){
let data21 = data18.country;
const _errs60 = errors;
if((typeof data21 !== "string") && (data21 !== null)){
const err25 = {instancePath:instancePath+"/tools/" + i1+"/user_location/country",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/country/type",keyword:"type",params:{type: schema72.properties.user_location.properties.country.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var valid11 = _errs60 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data18.region !== undefined){
let data22 = data18.region;
const _errs62 = errors;
if((typeof data22 !== "string") && (data22 !== null)){
const err26 = {instancePath:instancePath+"/tools/" + i1+"/user_location/region",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/region/type",keyword:"type",params:{type: schema72.properties.user_location.properties.region.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var valid11 = _errs62 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data18.timezone !== undefined){
let data23 = data18.timezone;
const _errs64 = errors;
if((typeof data23 !== "string") && (data23 !== null)){
const err27 = {instancePath:instancePath+"/tools/" + i1+"/user_location/timezone",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/timezone/type",keyword:"type",params:{type: schema72.properties.user_location.properties.timezone.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var valid11 = _errs64 === errors;
}
else {
var valid11 = true;
}
}
}
}
}
}
}
}
var valid10 = _errs53 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data10.filters !== undefined){
let data24 = data10.filters;
const _errs66 = errors;
if((!(data24 && typeof data24 == "object" && !Array.isArray(data24))) && (data24 !== null)){
const err28 = {instancePath:instancePath+"/tools/" + i1+"/filters",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/type",keyword:"type",params:{type: schema72.properties.filters.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(errors === _errs66){
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
const _errs68 = errors;
for(const key3 in data24){
if(!((key3 === "allowed_domains") || (key3 === "blocked_domains"))){
const err29 = {instancePath:instancePath+"/tools/" + i1+"/filters",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
break;
}
}
if(_errs68 === errors){
if(data24.allowed_domains !== undefined){
let data25 = data24.allowed_domains;
const _errs69 = errors;
if((!(Array.isArray(data25))) && (data25 !== null)){
const err30 = {instancePath:instancePath+"/tools/" + i1+"/filters/allowed_domains",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/properties/allowed_domains/type",keyword:"type",params:{type: schema72.properties.filters.properties.allowed_domains.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(errors === _errs69){
if(Array.isArray(data25)){
var valid13 = true;
const len2 = data25.length;
for(let i2=0; i2<len2; i2++){
const _errs71 = errors;
if(typeof data25[i2] !== "string"){
const err31 = {instancePath:instancePath+"/tools/" + i1+"/filters/allowed_domains/" + i2,schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/properties/allowed_domains/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var valid13 = _errs71 === errors;
if(!valid13){
break;
}
}
}
}
var valid12 = _errs69 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data24.blocked_domains !== undefined){
let data27 = data24.blocked_domains;
const _errs73 = errors;
if((!(Array.isArray(data27))) && (data27 !== null)){
const err32 = {instancePath:instancePath+"/tools/" + i1+"/filters/blocked_domains",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/properties/blocked_domains/type",keyword:"type",params:{type: schema72.properties.filters.properties.blocked_domains.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(errors === _errs73){
if(Array.isArray(data27)){
var valid14 = true;
const len3 = data27.length;
for(let i3=0; i3<len3; i3++){
const _errs75 = errors;
if(typeof data27[i3] !== "string"){
const err33 = {instancePath:instancePath+"/tools/" + i1+"/filters/blocked_domains/" + i3,schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/properties/blocked_domains/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var valid14 = _errs75 === errors;
if(!valid14){
break;
}
}
}
}
var valid12 = _errs73 === errors;
}
else {
var valid12 = true;
}
}
}
}
}
var valid10 = _errs66 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data10.external_web_access !== undefined){
let data29 = data10.external_web_access;
const _errs77 = errors;
if((typeof data29 !== "boolean") && (data29 !== null)){
const err34 = {instancePath:instancePath+"/tools/" + i1+"/external_web_access",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/external_web_access/type",keyword:"type",params:{type: schema72.properties.external_web_access.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
var valid10 = _errs77 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data10.search_content_types !== undefined){
let data30 = data10.search_content_types;
const _errs79 = errors;
if((!(Array.isArray(data30))) && (data30 !== null)){
const err35 = {instancePath:instancePath+"/tools/" + i1+"/search_content_types",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_content_types/type",keyword:"type",params:{type: schema72.properties.search_content_types.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(errors === _errs79){
if(Array.isArray(data30)){
var valid15 = true;
const len4 = data30.length;
for(let i4=0; i4<len4; i4++){
let data31 = data30[i4];
const _errs81 = errors;
if(typeof data31 !== "string"){
const err36 = {instancePath:instancePath+"/tools/" + i1+"/search_content_types/" + i4,schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_content_types/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(!((data31 === "text") || (data31 === "image"))){
const err37 = {instancePath:instancePath+"/tools/" + i1+"/search_content_types/" + i4,schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_content_types/items/enum",keyword:"enum",params:{allowedValues: schema72.properties.search_content_types.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var valid15 = _errs81 === errors;
if(!valid15){
break;
}
}
}
}
var valid10 = _errs79 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
}
}
}
}
else {
const err38 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesWebSearchTool/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
var _valid1 = _errs45 === errors;
if(_valid1 && valid6){
valid6 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid6 = true;
passing1 = 1;
if(props1 !== true){
props1 = true;
}
}
}
if(!valid6){
const err39 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
validate32.errors = vErrors;
return false;
}
else {
errors = _errs29;
if(vErrors !== null){
if(_errs29){
vErrors.length = _errs29;
}
else {
vErrors = null;
}
}
}
var valid5 = _errs28 === errors;
if(!valid5){
break;
}
}
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tool_choice !== undefined){
let data32 = data.tool_choice;
const _errs83 = errors;
const _errs84 = errors;
let valid16 = false;
let passing2 = null;
const _errs85 = errors;
if(typeof data32 !== "string"){
const err40 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(!(((data32 === "auto") || (data32 === "none")) || (data32 === "required"))){
const err41 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/0/enum",keyword:"enum",params:{allowedValues: schema57.properties.tool_choice.oneOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var _valid2 = _errs85 === errors;
if(_valid2){
valid16 = true;
passing2 = 0;
}
const _errs87 = errors;
if(errors === _errs87){
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
let missing3;
if(((data32.type === undefined) && (missing3 = "type")) || ((data32.name === undefined) && (missing3 = "name"))){
const err42 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/1/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
else {
if(data32.type !== undefined){
let data33 = data32.type;
const _errs89 = errors;
if(typeof data33 !== "string"){
const err43 = {instancePath:instancePath+"/tool_choice/type",schemaPath:"#/properties/tool_choice/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if("function" !== data33){
const err44 = {instancePath:instancePath+"/tool_choice/type",schemaPath:"#/properties/tool_choice/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
var valid17 = _errs89 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data32.name !== undefined){
const _errs91 = errors;
if(typeof data32.name !== "string"){
const err45 = {instancePath:instancePath+"/tool_choice/name",schemaPath:"#/properties/tool_choice/oneOf/1/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var valid17 = _errs91 === errors;
}
else {
var valid17 = true;
}
}
}
}
else {
const err46 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
var _valid2 = _errs87 === errors;
if(_valid2 && valid16){
valid16 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid16 = true;
passing2 = 1;
var props2 = {};
props2.type = true;
props2.name = true;
}
const _errs93 = errors;
if(errors === _errs93){
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
let missing4;
if((data32.type === undefined) && (missing4 = "type")){
const err47 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/2/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
else {
const _errs95 = errors;
for(const key4 in data32){
if(!(key4 === "type")){
const err48 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/2/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
break;
}
}
if(_errs95 === errors){
if(data32.type !== undefined){
let data35 = data32.type;
if(typeof data35 !== "string"){
const err49 = {instancePath:instancePath+"/tool_choice/type",schemaPath:"#/properties/tool_choice/oneOf/2/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(!((((data35 === "web_search") || (data35 === "web_search_2025_08_26")) || (data35 === "web_search_preview")) || (data35 === "web_search_preview_2025_03_11"))){
const err50 = {instancePath:instancePath+"/tool_choice/type",schemaPath:"#/properties/tool_choice/oneOf/2/properties/type/enum",keyword:"enum",params:{allowedValues: schema57.properties.tool_choice.oneOf[2].properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
}
}
else {
const err51 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
var _valid2 = _errs93 === errors;
if(_valid2 && valid16){
valid16 = false;
passing2 = [passing2, 2];
}
else {
if(_valid2){
valid16 = true;
passing2 = 2;
if(props2 !== true){
props2 = true;
}
}
const _errs98 = errors;
if(data32 !== null){
const err52 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/3/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
var _valid2 = _errs98 === errors;
if(_valid2 && valid16){
valid16 = false;
passing2 = [passing2, 3];
}
else {
if(_valid2){
valid16 = true;
passing2 = 3;
}
}
}
}
if(!valid16){
const err53 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
validate32.errors = vErrors;
return false;
}
else {
errors = _errs84;
if(vErrors !== null){
if(_errs84){
vErrors.length = _errs84;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs83 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parallel_tool_calls !== undefined){
let data36 = data.parallel_tool_calls;
const _errs100 = errors;
if((typeof data36 !== "boolean") && (data36 !== null)){
validate32.errors = [{instancePath:instancePath+"/parallel_tool_calls",schemaPath:"#/properties/parallel_tool_calls/type",keyword:"type",params:{type: schema57.properties.parallel_tool_calls.type},message:"must be boolean,null"}];
return false;
}
var valid0 = _errs100 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.text !== undefined){
let data37 = data.text;
const _errs102 = errors;
if((!(data37 && typeof data37 == "object" && !Array.isArray(data37))) && (data37 !== null)){
validate32.errors = [{instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: schema57.properties.text.type},message:"must be object,null"}];
return false;
}
if(errors === _errs102){
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
const _errs104 = errors;
for(const key5 in data37){
if(!((key5 === "format") || (key5 === "verbosity"))){
validate32.errors = [{instancePath:instancePath+"/text",schemaPath:"#/properties/text/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs104 === errors){
if(data37.format !== undefined){
let data38 = data37.format;
const _errs105 = errors;
const _errs107 = errors;
let valid21 = false;
let passing3 = null;
const _errs108 = errors;
if(errors === _errs108){
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
let missing5;
if((data38.type === undefined) && (missing5 = "type")){
const err54 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/0/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
else {
if(data38.type !== undefined){
let data39 = data38.type;
if(typeof data39 !== "string"){
const err55 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/0/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if("text" !== data39){
const err56 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
}
else {
const err57 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
var _valid3 = _errs108 === errors;
if(_valid3){
valid21 = true;
passing3 = 0;
var props3 = {};
props3.type = true;
}
const _errs112 = errors;
if(errors === _errs112){
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
let missing6;
if((data38.type === undefined) && (missing6 = "type")){
const err58 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/1/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
else {
if(data38.type !== undefined){
let data40 = data38.type;
if(typeof data40 !== "string"){
const err59 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if("json_object" !== data40){
const err60 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "json_object"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
}
else {
const err61 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
var _valid3 = _errs112 === errors;
if(_valid3 && valid21){
valid21 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid21 = true;
passing3 = 1;
if(props3 !== true){
props3 = props3 || {};
props3.type = true;
}
}
const _errs116 = errors;
if(errors === _errs116){
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
let missing7;
if((((data38.type === undefined) && (missing7 = "type")) || ((data38.name === undefined) && (missing7 = "name"))) || ((data38.schema === undefined) && (missing7 = "schema"))){
const err62 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
else {
if(data38.type !== undefined){
let data41 = data38.type;
const _errs118 = errors;
if(typeof data41 !== "string"){
const err63 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if("json_schema" !== data41){
const err64 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "json_schema"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
var valid24 = _errs118 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data38.name !== undefined){
const _errs120 = errors;
if(typeof data38.name !== "string"){
const err65 = {instancePath:instancePath+"/text/format/name",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
var valid24 = _errs120 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data38.description !== undefined){
let data43 = data38.description;
const _errs122 = errors;
if((typeof data43 !== "string") && (data43 !== null)){
const err66 = {instancePath:instancePath+"/text/format/description",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/description/type",keyword:"type",params:{type: schema73.oneOf[2].properties.description.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
var valid24 = _errs122 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data38.schema !== undefined){
let data44 = data38.schema;
const _errs124 = errors;
if(errors === _errs124){
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
}
else {
const err67 = {instancePath:instancePath+"/text/format/schema",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/schema/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
var valid24 = _errs124 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data38.strict !== undefined){
let data45 = data38.strict;
const _errs127 = errors;
if((typeof data45 !== "boolean") && (data45 !== null)){
const err68 = {instancePath:instancePath+"/text/format/strict",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/strict/type",keyword:"type",params:{type: schema73.oneOf[2].properties.strict.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
var valid24 = _errs127 === errors;
}
else {
var valid24 = true;
}
}
}
}
}
}
}
else {
const err69 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
var _valid3 = _errs116 === errors;
if(_valid3 && valid21){
valid21 = false;
passing3 = [passing3, 2];
}
else {
if(_valid3){
valid21 = true;
passing3 = 2;
if(props3 !== true){
props3 = props3 || {};
props3.type = true;
props3.name = true;
props3.description = true;
props3.schema = true;
props3.strict = true;
}
}
}
}
if(!valid21){
const err70 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
validate32.errors = vErrors;
return false;
}
else {
errors = _errs107;
if(vErrors !== null){
if(_errs107){
vErrors.length = _errs107;
}
else {
vErrors = null;
}
}
}
var valid19 = _errs105 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data37.verbosity !== undefined){
let data46 = data37.verbosity;
const _errs129 = errors;
if((typeof data46 !== "string") && (data46 !== null)){
validate32.errors = [{instancePath:instancePath+"/text/verbosity",schemaPath:"#/properties/text/properties/verbosity/type",keyword:"type",params:{type: schema57.properties.text.properties.verbosity.type},message:"must be string,null"}];
return false;
}
var valid19 = _errs129 === errors;
}
else {
var valid19 = true;
}
}
}
}
}
var valid0 = _errs102 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reasoning !== undefined){
let data47 = data.reasoning;
const _errs131 = errors;
if((!(data47 && typeof data47 == "object" && !Array.isArray(data47))) && (data47 !== null)){
validate32.errors = [{instancePath:instancePath+"/reasoning",schemaPath:"#/properties/reasoning/type",keyword:"type",params:{type: schema57.properties.reasoning.type},message:"must be object,null"}];
return false;
}
if(errors === _errs131){
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
const _errs133 = errors;
for(const key6 in data47){
if(!((key6 === "effort") || (key6 === "summary"))){
validate32.errors = [{instancePath:instancePath+"/reasoning",schemaPath:"#/properties/reasoning/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs133 === errors){
if(data47.effort !== undefined){
let data48 = data47.effort;
const _errs134 = errors;
if((typeof data48 !== "string") && (data48 !== null)){
validate32.errors = [{instancePath:instancePath+"/reasoning/effort",schemaPath:"#/properties/reasoning/properties/effort/type",keyword:"type",params:{type: schema57.properties.reasoning.properties.effort.type},message:"must be string,null"}];
return false;
}
var valid25 = _errs134 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data47.summary !== undefined){
let data49 = data47.summary;
const _errs136 = errors;
if((typeof data49 !== "string") && (data49 !== null)){
validate32.errors = [{instancePath:instancePath+"/reasoning/summary",schemaPath:"#/properties/reasoning/properties/summary/type",keyword:"type",params:{type: schema57.properties.reasoning.properties.summary.type},message:"must be string,null"}];
return false;
}
var valid25 = _errs136 === errors;
}
else {
var valid25 = true;
}
}
}
}
}
var valid0 = _errs131 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.user !== undefined){
let data50 = data.user;
const _errs138 = errors;
if((typeof data50 !== "string") && (data50 !== null)){
validate32.errors = [{instancePath:instancePath+"/user",schemaPath:"#/properties/user/type",keyword:"type",params:{type: schema57.properties.user.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs138 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadata !== undefined){
let data51 = data.metadata;
const _errs140 = errors;
if((!(data51 && typeof data51 == "object" && !Array.isArray(data51))) && (data51 !== null)){
validate32.errors = [{instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: schema57.properties.metadata.type},message:"must be object,null"}];
return false;
}
var valid0 = _errs140 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.store !== undefined){
let data52 = data.store;
const _errs143 = errors;
if((typeof data52 !== "boolean") && (data52 !== null)){
validate32.errors = [{instancePath:instancePath+"/store",schemaPath:"#/properties/store/type",keyword:"type",params:{type: schema57.properties.store.type},message:"must be boolean,null"}];
return false;
}
var valid0 = _errs143 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.include !== undefined){
let data53 = data.include;
const _errs145 = errors;
if((!(Array.isArray(data53))) && (data53 !== null)){
validate32.errors = [{instancePath:instancePath+"/include",schemaPath:"#/properties/include/type",keyword:"type",params:{type: schema57.properties.include.type},message:"must be array,null"}];
return false;
}
if(errors === _errs145){
if(Array.isArray(data53)){
var valid26 = true;
const len5 = data53.length;
for(let i5=0; i5<len5; i5++){
const _errs147 = errors;
if(typeof data53[i5] !== "string"){
validate32.errors = [{instancePath:instancePath+"/include/" + i5,schemaPath:"#/properties/include/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid26 = _errs147 === errors;
if(!valid26){
break;
}
}
}
}
var valid0 = _errs145 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.top_logprobs !== undefined){
let data55 = data.top_logprobs;
const _errs149 = errors;
if((!(((typeof data55 == "number") && (!(data55 % 1) && !isNaN(data55))) && (isFinite(data55)))) && (data55 !== null)){
validate32.errors = [{instancePath:instancePath+"/top_logprobs",schemaPath:"#/properties/top_logprobs/type",keyword:"type",params:{type: schema57.properties.top_logprobs.type},message:"must be integer,null"}];
return false;
}
var valid0 = _errs149 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncation !== undefined){
let data56 = data.truncation;
const _errs151 = errors;
if((typeof data56 !== "string") && (data56 !== null)){
validate32.errors = [{instancePath:instancePath+"/truncation",schemaPath:"#/properties/truncation/type",keyword:"type",params:{type: schema57.properties.truncation.type},message:"must be string,null"}];
return false;
}
if(!(((data56 === "auto") || (data56 === "disabled")) || (data56 === null))){
validate32.errors = [{instancePath:instancePath+"/truncation",schemaPath:"#/properties/truncation/enum",keyword:"enum",params:{allowedValues: schema57.properties.truncation.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs151 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.background !== undefined){
let data57 = data.background;
const _errs153 = errors;
if((typeof data57 !== "boolean") && (data57 !== null)){
validate32.errors = [{instancePath:instancePath+"/background",schemaPath:"#/properties/background/type",keyword:"type",params:{type: schema57.properties.background.type},message:"must be boolean,null"}];
return false;
}
var valid0 = _errs153 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.previous_response_id !== undefined){
let data58 = data.previous_response_id;
const _errs155 = errors;
if((typeof data58 !== "string") && (data58 !== null)){
validate32.errors = [{instancePath:instancePath+"/previous_response_id",schemaPath:"#/properties/previous_response_id/type",keyword:"type",params:{type: schema57.properties.previous_response_id.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs155 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate32.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate32.errors = vErrors;
return errors === 0;
}
validate32.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.validateChatResponse = validate39;
const schema74 = {"type":"object","required":["id","object","created","model","choices","usage"],"properties":{"id":{"type":["string","null"]},"object":{"type":"string","const":"chat.completion"},"created":{"type":"integer"},"model":{"type":"string"},"choices":{"type":"array","items":{"$ref":"#/components/schemas/ChatChoice"}},"usage":{"$ref":"#/components/schemas/Usage"},"prompt_filter_results":{"$ref":"#/components/schemas/PromptFilterResults"}}};
const schema87 = {"description":"Azure OpenAI's content filter results for the prompt (one entry per prompt: `prompt_index` and its `content_filter_results`), a vendor extension passed on as Azure sent it; present only when the provider sent it. In a stream, on the first chunk with choices (Azure sends it on a chunk of its own).","type":"array","items":{"type":"object","additionalProperties":true}};
const schema75 = {"type":"object","required":["index","message","finish_reason"],"properties":{"index":{"type":"integer"},"message":{"$ref":"#/components/schemas/ResponseMessage"},"finish_reason":{"$ref":"#/components/schemas/FinishReason"},"logprobs":{"$ref":"#/components/schemas/ChatLogprobs"},"content_filter_results":{"$ref":"#/components/schemas/ContentFilterResults"}}};
const schema79 = {"type":["string","null"],"description":"stop, length, tool_calls or content_filter, or function_call for OpenAI's deprecated `functions` (null while a stream is still going). An OpenAI endpoint passes on the value its server sent."};
const schema83 = {"description":"Azure OpenAI's content filter results for the choice's text (per category such as `hate` or `protected_material_text`: `filtered`, and `severity` or `detected`), a vendor extension passed on as Azure sent it; present only when the provider sent it. In a stream chunk, the results of that chunk's text.","type":"object","additionalProperties":true};
const schema76 = {"type":"object","required":["role","content","tool_calls","refusal"],"properties":{"role":{"type":"string"},"content":{"oneOf":[{"type":"string"},{"type":"array","items":{"$ref":"#/components/schemas/ContentPart"}},{"type":"null"}]},"tool_calls":{"oneOf":[{"type":"array","items":{"$ref":"#/components/schemas/ToolCall"}},{"type":"null"}]},"refusal":{"type":["string","null"]},"reasoning_content":{"type":["string","null"],"description":"The model's thinking as text (the `thinking` of `thinking_blocks` joined, Gemini's thought summaries, Mistral's `thinking` content chunks, Cohere's `thinking` content items, the reasoning text of Amazon Bedrock's other models such as DeepSeek-R1 and gpt-oss, or an OpenAI-compatible server's own `reasoning_content`, which DeepSeek wants back on tool-call turns, or `reasoning`, vLLM's and Ollama's name for it); present only when the provider sent thinking."},"thinking_blocks":{"description":"The answer's thinking blocks with their signatures, present only when the provider sent thinking (Anthropic extended thinking, also Claude on Amazon Bedrock). Send them back on this assistant message in the next request.","oneOf":[{"type":"array","items":{"$ref":"#/components/schemas/ThinkingBlock"}},{"type":"null"}]},"annotations":{"description":"The web pages the answer cites, present only when the provider searched the web and cited what it found (OpenAI's search models and `web_search_options`).","oneOf":[{"type":"array","items":{"$ref":"#/components/schemas/UrlCitation"}},{"type":"null"}]}}};
const schema78 = {"description":"A web page the answer cites, in OpenAI's shape: `start_index` and `end_index` delimit the text of the message's `content` that the page supports (end exclusive), counted in Unicode code points (characters as Python counts them, so a character outside the Basic Multilingual Plane counts once, not as the two UTF-16 units of a JavaScript string).","type":"object","required":["type","url_citation"],"properties":{"type":{"type":"string","const":"url_citation"},"url_citation":{"type":"object","required":["url","title","start_index","end_index"],"properties":{"url":{"type":"string"},"title":{"type":"string"},"start_index":{"type":"integer","minimum":0},"end_index":{"type":"integer","minimum":0}}}}};

function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate41.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.role === undefined) && (missing0 = "role")) || ((data.content === undefined) && (missing0 = "content"))) || ((data.tool_calls === undefined) && (missing0 = "tool_calls"))) || ((data.refusal === undefined) && (missing0 = "refusal"))){
validate41.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.role !== undefined){
const _errs1 = errors;
if(typeof data.role !== "string"){
validate41.errors = [{instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
let data1 = data.content;
const _errs3 = errors;
const _errs4 = errors;
let valid1 = false;
let passing0 = null;
const _errs5 = errors;
if(typeof data1 !== "string"){
const err0 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs5 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs7 = errors;
if(errors === _errs7){
if(Array.isArray(data1)){
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs9 = errors;
if(!(validate23(data1[i0], {instancePath:instancePath+"/content/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
var valid2 = _errs9 === errors;
if(!valid2){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs7 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
const _errs10 = errors;
if(data1 !== null){
const err2 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs10 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid1 = true;
passing0 = 2;
}
}
}
if(!valid1){
const err3 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate41.errors = vErrors;
return false;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tool_calls !== undefined){
let data3 = data.tool_calls;
const _errs12 = errors;
const _errs13 = errors;
let valid3 = false;
let passing1 = null;
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data3)){
var valid4 = true;
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
let data4 = data3[i1];
const _errs16 = errors;
const _errs17 = errors;
if(errors === _errs17){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if((((data4.id === undefined) && (missing1 = "id")) || ((data4.type === undefined) && (missing1 = "type"))) || ((data4.function === undefined) && (missing1 = "function"))){
const err4 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
if(data4.id !== undefined){
const _errs19 = errors;
if(typeof data4.id !== "string"){
const err5 = {instancePath:instancePath+"/tool_calls/" + i1+"/id",schemaPath:"#/components/schemas/ToolCall/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid6 = _errs19 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data4.type !== undefined){
let data6 = data4.type;
const _errs21 = errors;
if(typeof data6 !== "string"){
const err6 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/components/schemas/ToolCall/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if("function" !== data6){
const err7 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/components/schemas/ToolCall/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var valid6 = _errs21 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data4.function !== undefined){
let data7 = data4.function;
const _errs23 = errors;
if(errors === _errs23){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing2;
if(((data7.name === undefined) && (missing2 = "name")) || ((data7.arguments === undefined) && (missing2 = "arguments"))){
const err8 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data7.name !== undefined){
const _errs25 = errors;
if(typeof data7.name !== "string"){
const err9 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/name",schemaPath:"#/components/schemas/ToolCall/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid7 = _errs25 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data7.arguments !== undefined){
const _errs27 = errors;
if(typeof data7.arguments !== "string"){
const err10 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/arguments",schemaPath:"#/components/schemas/ToolCall/properties/function/properties/arguments/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var valid7 = _errs27 === errors;
}
else {
var valid7 = true;
}
}
}
}
else {
const err11 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
var valid6 = _errs23 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
else {
const err12 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var valid4 = _errs16 === errors;
if(!valid4){
break;
}
}
}
else {
const err13 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var _valid1 = _errs14 === errors;
if(_valid1){
valid3 = true;
passing1 = 0;
}
const _errs29 = errors;
if(data3 !== null){
const err14 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid1 = _errs29 === errors;
if(_valid1 && valid3){
valid3 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid3 = true;
passing1 = 1;
}
}
if(!valid3){
const err15 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
validate41.errors = vErrors;
return false;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.refusal !== undefined){
let data10 = data.refusal;
const _errs31 = errors;
if((typeof data10 !== "string") && (data10 !== null)){
validate41.errors = [{instancePath:instancePath+"/refusal",schemaPath:"#/properties/refusal/type",keyword:"type",params:{type: schema76.properties.refusal.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reasoning_content !== undefined){
let data11 = data.reasoning_content;
const _errs33 = errors;
if((typeof data11 !== "string") && (data11 !== null)){
validate41.errors = [{instancePath:instancePath+"/reasoning_content",schemaPath:"#/properties/reasoning_content/type",keyword:"type",params:{type: schema76.properties.reasoning_content.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs33 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.thinking_blocks !== undefined){
let data12 = data.thinking_blocks;
const _errs35 = errors;
const _errs36 = errors;
let valid8 = false;
let passing2 = null;
const _errs37 = errors;
if(errors === _errs37){
if(Array.isArray(data12)){
var valid9 = true;
const len2 = data12.length;
for(let i2=0; i2<len2; i2++){
const _errs39 = errors;
if(!(validate25(data12[i2], {instancePath:instancePath+"/thinking_blocks/" + i2,parentData:data12,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
var valid9 = _errs39 === errors;
if(!valid9){
break;
}
}
}
else {
const err16 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var _valid2 = _errs37 === errors;
if(_valid2){
valid8 = true;
passing2 = 0;
}
const _errs40 = errors;
if(data12 !== null){
const err17 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid2 = _errs40 === errors;
if(_valid2 && valid8){
valid8 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid8 = true;
passing2 = 1;
}
}
if(!valid8){
const err18 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
validate41.errors = vErrors;
return false;
}
else {
errors = _errs36;
if(vErrors !== null){
if(_errs36){
vErrors.length = _errs36;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.annotations !== undefined){
let data14 = data.annotations;
const _errs42 = errors;
const _errs43 = errors;
let valid10 = false;
let passing3 = null;
const _errs44 = errors;
if(errors === _errs44){
if(Array.isArray(data14)){
var valid11 = true;
const len3 = data14.length;
for(let i3=0; i3<len3; i3++){
let data15 = data14[i3];
const _errs46 = errors;
const _errs47 = errors;
if(errors === _errs47){
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
let missing3;
if(((data15.type === undefined) && (missing3 = "type")) || ((data15.url_citation === undefined) && (missing3 = "url_citation"))){
const err19 = {instancePath:instancePath+"/annotations/" + i3,schemaPath:"#/components/schemas/UrlCitation/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
if(data15.type !== undefined){
let data16 = data15.type;
const _errs49 = errors;
if(typeof data16 !== "string"){
const err20 = {instancePath:instancePath+"/annotations/" + i3+"/type",schemaPath:"#/components/schemas/UrlCitation/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if("url_citation" !== data16){
const err21 = {instancePath:instancePath+"/annotations/" + i3+"/type",schemaPath:"#/components/schemas/UrlCitation/properties/type/const",keyword:"const",params:{allowedValue: "url_citation"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var valid13 = _errs49 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data15.url_citation !== undefined){
let data17 = data15.url_citation;
const _errs51 = errors;
if(errors === _errs51){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing4;
if(((((data17.url === undefined) && (missing4 = "url")) || ((data17.title === undefined) && (missing4 = "title"))) || ((data17.start_index === undefined) && (missing4 = "start_index"))) || ((data17.end_index === undefined) && (missing4 = "end_index"))){
const err22 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
else {
if(data17.url !== undefined){
const _errs53 = errors;
if(typeof data17.url !== "string"){
const err23 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/url",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var valid14 = _errs53 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data17.title !== undefined){
const _errs55 = errors;
if(typeof data17.title !== "string"){
const err24 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/title",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var valid14 = _errs55 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data17.start_index !== undefined){
let data20 = data17.start_index;
const _errs57 = errors;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err25 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/start_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/start_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(errors === _errs57){
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 < 0 || isNaN(data20)){
const err26 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/start_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/start_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
var valid14 = _errs57 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data17.end_index !== undefined){
let data21 = data17.end_index;
const _errs59 = errors;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
const err27 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/end_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/end_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(errors === _errs59){
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 0 || isNaN(data21)){
const err28 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/end_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/end_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
var valid14 = _errs59 === errors;
}
else {
var valid14 = true;
}
}
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
var valid13 = _errs51 === errors;
}
else {
var valid13 = true;
}
}
}
}
else {
const err30 = {instancePath:instancePath+"/annotations/" + i3,schemaPath:"#/components/schemas/UrlCitation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
var valid11 = _errs46 === errors;
if(!valid11){
break;
}
}
}
else {
const err31 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
var _valid3 = _errs44 === errors;
if(_valid3){
valid10 = true;
passing3 = 0;
}
const _errs61 = errors;
if(data14 !== null){
const err32 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
var _valid3 = _errs61 === errors;
if(_valid3 && valid10){
valid10 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid10 = true;
passing3 = 1;
}
}
if(!valid10){
const err33 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
validate41.errors = vErrors;
return false;
}
else {
errors = _errs43;
if(vErrors !== null){
if(_errs43){
vErrors.length = _errs43;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs42 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate41.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate41.errors = vErrors;
return errors === 0;
}
validate41.evaluated = {"props":{"role":true,"content":true,"tool_calls":true,"refusal":true,"reasoning_content":true,"thinking_blocks":true,"annotations":true},"dynamicProps":false,"dynamicItems":false};

const schema80 = {"description":"Token log probabilities of the choice, present only when the client asked for them (`logprobs: true`, `top_logprobs`) and the provider sent them: OpenAI's object as it came (`content`: one entry per token with `token`, `logprob`, `bytes` and `top_logprobs`; `refusal`), or Gemini's `logprobsResult` in that shape (`bytes` the token's UTF-8). In a stream chunk, the tokens of that chunk. Other OpenAI-compatible servers' objects are passed on as sent (Together AI's has `tokens` and `token_logprobs`).","type":["object","null"],"additionalProperties":true,"properties":{"content":{"type":["array","null"],"items":{"$ref":"#/components/schemas/TokenLogprob"}},"refusal":{"type":["array","null"],"items":{"$ref":"#/components/schemas/TokenLogprob"}}}};
const schema81 = {"type":"object","additionalProperties":true,"properties":{"token":{"type":"string"},"logprob":{"type":"number"},"bytes":{"type":["array","null"],"items":{"type":"integer"}},"top_logprobs":{"type":"array","items":{"type":"object","additionalProperties":true,"properties":{"token":{"type":"string"},"logprob":{"type":"number"},"bytes":{"type":["array","null"],"items":{"type":"integer"}}}}}}};

function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate45.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){
validate45.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema80.type},message:"must be object,null"}];
return false;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.content !== undefined){
let data0 = data.content;
const _errs2 = errors;
if((!(Array.isArray(data0))) && (data0 !== null)){
validate45.errors = [{instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: schema80.properties.content.type},message:"must be array,null"}];
return false;
}
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs4 = errors;
const _errs5 = errors;
if(errors === _errs5){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.token !== undefined){
const _errs8 = errors;
if(typeof data1.token !== "string"){
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/token",schemaPath:"#/components/schemas/TokenLogprob/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs8 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data1.logprob !== undefined){
let data3 = data1.logprob;
const _errs10 = errors;
if(!((typeof data3 == "number") && (isFinite(data3)))){
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/logprob",schemaPath:"#/components/schemas/TokenLogprob/properties/logprob/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs10 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data1.bytes !== undefined){
let data4 = data1.bytes;
const _errs12 = errors;
if((!(Array.isArray(data4))) && (data4 !== null)){
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/bytes",schemaPath:"#/components/schemas/TokenLogprob/properties/bytes/type",keyword:"type",params:{type: schema81.properties.bytes.type},message:"must be array,null"}];
return false;
}
if(errors === _errs12){
if(Array.isArray(data4)){
var valid4 = true;
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
const _errs14 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/bytes/" + i1,schemaPath:"#/components/schemas/TokenLogprob/properties/bytes/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid4 = _errs14 === errors;
if(!valid4){
break;
}
}
}
}
var valid3 = _errs12 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data1.top_logprobs !== undefined){
let data6 = data1.top_logprobs;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data6)){
var valid5 = true;
const len2 = data6.length;
for(let i2=0; i2<len2; i2++){
let data7 = data6[i2];
const _errs18 = errors;
if(errors === _errs18){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.token !== undefined){
const _errs21 = errors;
if(typeof data7.token !== "string"){
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2+"/token",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs21 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data7.logprob !== undefined){
let data9 = data7.logprob;
const _errs23 = errors;
if(!((typeof data9 == "number") && (isFinite(data9)))){
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2+"/logprob",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/logprob/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid6 = _errs23 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data7.bytes !== undefined){
let data10 = data7.bytes;
const _errs25 = errors;
if((!(Array.isArray(data10))) && (data10 !== null)){
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2+"/bytes",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/bytes/type",keyword:"type",params:{type: schema81.properties.top_logprobs.items.properties.bytes.type},message:"must be array,null"}];
return false;
}
if(errors === _errs25){
if(Array.isArray(data10)){
var valid7 = true;
const len3 = data10.length;
for(let i3=0; i3<len3; i3++){
let data11 = data10[i3];
const _errs27 = errors;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2+"/bytes/" + i3,schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/bytes/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid7 = _errs27 === errors;
if(!valid7){
break;
}
}
}
}
var valid6 = _errs25 === errors;
}
else {
var valid6 = true;
}
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2,schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid5 = _errs18 === errors;
if(!valid5){
break;
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/content/" + i0+"/top_logprobs",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/content/" + i0,schemaPath:"#/components/schemas/TokenLogprob/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.refusal !== undefined){
let data12 = data.refusal;
const _errs29 = errors;
if((!(Array.isArray(data12))) && (data12 !== null)){
validate45.errors = [{instancePath:instancePath+"/refusal",schemaPath:"#/properties/refusal/type",keyword:"type",params:{type: schema80.properties.refusal.type},message:"must be array,null"}];
return false;
}
if(errors === _errs29){
if(Array.isArray(data12)){
var valid8 = true;
const len4 = data12.length;
for(let i4=0; i4<len4; i4++){
let data13 = data12[i4];
const _errs31 = errors;
const _errs32 = errors;
if(errors === _errs32){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.token !== undefined){
const _errs35 = errors;
if(typeof data13.token !== "string"){
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/token",schemaPath:"#/components/schemas/TokenLogprob/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid10 = _errs35 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data13.logprob !== undefined){
let data15 = data13.logprob;
const _errs37 = errors;
if(!((typeof data15 == "number") && (isFinite(data15)))){
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/logprob",schemaPath:"#/components/schemas/TokenLogprob/properties/logprob/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid10 = _errs37 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data13.bytes !== undefined){
let data16 = data13.bytes;
const _errs39 = errors;
if((!(Array.isArray(data16))) && (data16 !== null)){
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/bytes",schemaPath:"#/components/schemas/TokenLogprob/properties/bytes/type",keyword:"type",params:{type: schema81.properties.bytes.type},message:"must be array,null"}];
return false;
}
if(errors === _errs39){
if(Array.isArray(data16)){
var valid11 = true;
const len5 = data16.length;
for(let i5=0; i5<len5; i5++){
let data17 = data16[i5];
const _errs41 = errors;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/bytes/" + i5,schemaPath:"#/components/schemas/TokenLogprob/properties/bytes/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid11 = _errs41 === errors;
if(!valid11){
break;
}
}
}
}
var valid10 = _errs39 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data13.top_logprobs !== undefined){
let data18 = data13.top_logprobs;
const _errs43 = errors;
if(errors === _errs43){
if(Array.isArray(data18)){
var valid12 = true;
const len6 = data18.length;
for(let i6=0; i6<len6; i6++){
let data19 = data18[i6];
const _errs45 = errors;
if(errors === _errs45){
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.token !== undefined){
const _errs48 = errors;
if(typeof data19.token !== "string"){
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6+"/token",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid13 = _errs48 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data19.logprob !== undefined){
let data21 = data19.logprob;
const _errs50 = errors;
if(!((typeof data21 == "number") && (isFinite(data21)))){
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6+"/logprob",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/logprob/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid13 = _errs50 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data19.bytes !== undefined){
let data22 = data19.bytes;
const _errs52 = errors;
if((!(Array.isArray(data22))) && (data22 !== null)){
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6+"/bytes",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/bytes/type",keyword:"type",params:{type: schema81.properties.top_logprobs.items.properties.bytes.type},message:"must be array,null"}];
return false;
}
if(errors === _errs52){
if(Array.isArray(data22)){
var valid14 = true;
const len7 = data22.length;
for(let i7=0; i7<len7; i7++){
let data23 = data22[i7];
const _errs54 = errors;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6+"/bytes/" + i7,schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/bytes/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid14 = _errs54 === errors;
if(!valid14){
break;
}
}
}
}
var valid13 = _errs52 === errors;
}
else {
var valid13 = true;
}
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6,schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid12 = _errs45 === errors;
if(!valid12){
break;
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4+"/top_logprobs",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid10 = _errs43 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/refusal/" + i4,schemaPath:"#/components/schemas/TokenLogprob/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid8 = _errs31 === errors;
if(!valid8){
break;
}
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
validate45.errors = vErrors;
return errors === 0;
}
validate45.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate40.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.index === undefined) && (missing0 = "index")) || ((data.message === undefined) && (missing0 = "message"))) || ((data.finish_reason === undefined) && (missing0 = "finish_reason"))){
validate40.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.index !== undefined){
let data0 = data.index;
const _errs1 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate40.errors = [{instancePath:instancePath+"/index",schemaPath:"#/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.message !== undefined){
const _errs3 = errors;
if(!(validate41(data.message, {instancePath:instancePath+"/message",parentData:data,parentDataProperty:"message",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
errors = vErrors.length;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.finish_reason !== undefined){
let data2 = data.finish_reason;
const _errs4 = errors;
if((typeof data2 !== "string") && (data2 !== null)){
validate40.errors = [{instancePath:instancePath+"/finish_reason",schemaPath:"#/components/schemas/FinishReason/type",keyword:"type",params:{type: schema79.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.logprobs !== undefined){
const _errs7 = errors;
if(!(validate45(data.logprobs, {instancePath:instancePath+"/logprobs",parentData:data,parentDataProperty:"logprobs",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
errors = vErrors.length;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content_filter_results !== undefined){
let data4 = data.content_filter_results;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
validate40.errors = [{instancePath:instancePath+"/content_filter_results",schemaPath:"#/components/schemas/ContentFilterResults/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate40.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate40.errors = vErrors;
return errors === 0;
}
validate40.evaluated = {"props":{"index":true,"message":true,"finish_reason":true,"logprobs":true,"content_filter_results":true},"dynamicProps":false,"dynamicItems":false};

const schema84 = {"type":"object","description":"Token counts. `prompt_tokens` counts the whole prompt processed, cached parts included (for Anthropic and Amazon Bedrock, whose input count leaves out cache reads and writes, the gateway adds them). The two details objects are present only when the provider reported such counts.","required":["prompt_tokens","completion_tokens","total_tokens"],"properties":{"prompt_tokens":{"type":["integer","null"]},"completion_tokens":{"type":["integer","null"]},"total_tokens":{"type":["integer","null"]},"prompt_tokens_details":{"$ref":"#/components/schemas/PromptTokensDetails"},"completion_tokens_details":{"$ref":"#/components/schemas/CompletionTokensDetails"},"server_tool_use":{"type":"object","description":"The provider's own tools that ran for the answer, billed apart from tokens (LiteLLM's field, as Anthropic names it): present only when the provider reported one, as Anthropic does for web search.","properties":{"web_search_requests":{"type":"integer","minimum":1,"description":"Web searches run (Anthropic's `usage.server_tool_use.web_search_requests`, each billed), added up over the calls of a turn the gateway continued (`pause_turn`)."}}}}};
const schema85 = {"type":"object","description":"What `prompt_tokens` includes, in OpenAI's shape. An OpenAI-compatible provider's object is passed on as it came (with any counts of its own, such as xAI's `text_tokens`).","additionalProperties":true,"properties":{"cached_tokens":{"type":["integer","null"],"description":"Prompt tokens read from the provider's prompt cache (OpenAI's `cached_tokens`, Anthropic's `cache_read_input_tokens`, Gemini's `cachedContentTokenCount`, Bedrock's `cacheReadInputTokens`, DeepSeek's `prompt_cache_hit_tokens`)."},"cache_creation_tokens":{"type":["integer","null"],"description":"Prompt tokens written to the prompt cache (Anthropic's `cache_creation_input_tokens`, Bedrock's `cacheWriteInputTokens`; LiteLLM's name), billed above the input price."},"audio_tokens":{"type":["integer","null"]}}};
const schema86 = {"type":"object","description":"What `completion_tokens` includes, in OpenAI's shape. An OpenAI-compatible provider's object is passed on as it came.","additionalProperties":true,"properties":{"reasoning_tokens":{"type":["integer","null"],"description":"Tokens the model spent thinking (OpenAI's `reasoning_tokens`, Gemini's `thoughtsTokenCount`)."},"audio_tokens":{"type":["integer","null"]},"accepted_prediction_tokens":{"type":["integer","null"]},"rejected_prediction_tokens":{"type":["integer","null"]}}};

function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate48.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.prompt_tokens === undefined) && (missing0 = "prompt_tokens")) || ((data.completion_tokens === undefined) && (missing0 = "completion_tokens"))) || ((data.total_tokens === undefined) && (missing0 = "total_tokens"))){
validate48.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.prompt_tokens !== undefined){
let data0 = data.prompt_tokens;
const _errs1 = errors;
if((!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))) && (data0 !== null)){
validate48.errors = [{instancePath:instancePath+"/prompt_tokens",schemaPath:"#/properties/prompt_tokens/type",keyword:"type",params:{type: schema84.properties.prompt_tokens.type},message:"must be integer,null"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.completion_tokens !== undefined){
let data1 = data.completion_tokens;
const _errs3 = errors;
if((!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) && (data1 !== null)){
validate48.errors = [{instancePath:instancePath+"/completion_tokens",schemaPath:"#/properties/completion_tokens/type",keyword:"type",params:{type: schema84.properties.completion_tokens.type},message:"must be integer,null"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.total_tokens !== undefined){
let data2 = data.total_tokens;
const _errs5 = errors;
if((!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))) && (data2 !== null)){
validate48.errors = [{instancePath:instancePath+"/total_tokens",schemaPath:"#/properties/total_tokens/type",keyword:"type",params:{type: schema84.properties.total_tokens.type},message:"must be integer,null"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prompt_tokens_details !== undefined){
let data3 = data.prompt_tokens_details;
const _errs7 = errors;
const _errs8 = errors;
if(errors === _errs8){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.cached_tokens !== undefined){
let data4 = data3.cached_tokens;
const _errs11 = errors;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
validate48.errors = [{instancePath:instancePath+"/prompt_tokens_details/cached_tokens",schemaPath:"#/components/schemas/PromptTokensDetails/properties/cached_tokens/type",keyword:"type",params:{type: schema85.properties.cached_tokens.type},message:"must be integer,null"}];
return false;
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data3.cache_creation_tokens !== undefined){
let data5 = data3.cache_creation_tokens;
const _errs13 = errors;
if((!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))) && (data5 !== null)){
validate48.errors = [{instancePath:instancePath+"/prompt_tokens_details/cache_creation_tokens",schemaPath:"#/components/schemas/PromptTokensDetails/properties/cache_creation_tokens/type",keyword:"type",params:{type: schema85.properties.cache_creation_tokens.type},message:"must be integer,null"}];
return false;
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data3.audio_tokens !== undefined){
let data6 = data3.audio_tokens;
const _errs15 = errors;
if((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (data6 !== null)){
validate48.errors = [{instancePath:instancePath+"/prompt_tokens_details/audio_tokens",schemaPath:"#/components/schemas/PromptTokensDetails/properties/audio_tokens/type",keyword:"type",params:{type: schema85.properties.audio_tokens.type},message:"must be integer,null"}];
return false;
}
var valid2 = _errs15 === errors;
}
else {
var valid2 = true;
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/prompt_tokens_details",schemaPath:"#/components/schemas/PromptTokensDetails/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.completion_tokens_details !== undefined){
let data7 = data.completion_tokens_details;
const _errs17 = errors;
const _errs18 = errors;
if(errors === _errs18){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.reasoning_tokens !== undefined){
let data8 = data7.reasoning_tokens;
const _errs21 = errors;
if((!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))) && (data8 !== null)){
validate48.errors = [{instancePath:instancePath+"/completion_tokens_details/reasoning_tokens",schemaPath:"#/components/schemas/CompletionTokensDetails/properties/reasoning_tokens/type",keyword:"type",params:{type: schema86.properties.reasoning_tokens.type},message:"must be integer,null"}];
return false;
}
var valid4 = _errs21 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data7.audio_tokens !== undefined){
let data9 = data7.audio_tokens;
const _errs23 = errors;
if((!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))) && (data9 !== null)){
validate48.errors = [{instancePath:instancePath+"/completion_tokens_details/audio_tokens",schemaPath:"#/components/schemas/CompletionTokensDetails/properties/audio_tokens/type",keyword:"type",params:{type: schema86.properties.audio_tokens.type},message:"must be integer,null"}];
return false;
}
var valid4 = _errs23 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data7.accepted_prediction_tokens !== undefined){
let data10 = data7.accepted_prediction_tokens;
const _errs25 = errors;
if((!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) && (data10 !== null)){
validate48.errors = [{instancePath:instancePath+"/completion_tokens_details/accepted_prediction_tokens",schemaPath:"#/components/schemas/CompletionTokensDetails/properties/accepted_prediction_tokens/type",keyword:"type",params:{type: schema86.properties.accepted_prediction_tokens.type},message:"must be integer,null"}];
return false;
}
var valid4 = _errs25 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data7.rejected_prediction_tokens !== undefined){
let data11 = data7.rejected_prediction_tokens;
const _errs27 = errors;
if((!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))) && (data11 !== null)){
validate48.errors = [{instancePath:instancePath+"/completion_tokens_details/rejected_prediction_tokens",schemaPath:"#/components/schemas/CompletionTokensDetails/properties/rejected_prediction_tokens/type",keyword:"type",params:{type: schema86.properties.rejected_prediction_tokens.type},message:"must be integer,null"}];
return false;
}
var valid4 = _errs27 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/completion_tokens_details",schemaPath:"#/components/schemas/CompletionTokensDetails/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.server_tool_use !== undefined){
let data12 = data.server_tool_use;
const _errs29 = errors;
if(errors === _errs29){
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.web_search_requests !== undefined){
let data13 = data12.web_search_requests;
const _errs31 = errors;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
validate48.errors = [{instancePath:instancePath+"/server_tool_use/web_search_requests",schemaPath:"#/properties/server_tool_use/properties/web_search_requests/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs31){
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 1 || isNaN(data13)){
validate48.errors = [{instancePath:instancePath+"/server_tool_use/web_search_requests",schemaPath:"#/properties/server_tool_use/properties/web_search_requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/server_tool_use",schemaPath:"#/properties/server_tool_use/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate48.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate48.errors = vErrors;
return errors === 0;
}
validate48.evaluated = {"props":{"prompt_tokens":true,"completion_tokens":true,"total_tokens":true,"prompt_tokens_details":true,"completion_tokens_details":true,"server_tool_use":true},"dynamicProps":false,"dynamicItems":false};


function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.id === undefined) && (missing0 = "id")) || ((data.object === undefined) && (missing0 = "object"))) || ((data.created === undefined) && (missing0 = "created"))) || ((data.model === undefined) && (missing0 = "model"))) || ((data.choices === undefined) && (missing0 = "choices"))) || ((data.usage === undefined) && (missing0 = "usage"))){
validate39.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.id !== undefined){
let data0 = data.id;
const _errs1 = errors;
if((typeof data0 !== "string") && (data0 !== null)){
validate39.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema74.properties.id.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.object !== undefined){
let data1 = data.object;
const _errs3 = errors;
if(typeof data1 !== "string"){
validate39.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if("chat.completion" !== data1){
validate39.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "chat.completion"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created !== undefined){
let data2 = data.created;
const _errs5 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate39.errors = [{instancePath:instancePath+"/created",schemaPath:"#/properties/created/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
const _errs7 = errors;
if(typeof data.model !== "string"){
validate39.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.choices !== undefined){
let data4 = data.choices;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data4)){
var valid1 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs11 = errors;
if(!(validate40(data4[i0], {instancePath:instancePath+"/choices/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
var valid1 = _errs11 === errors;
if(!valid1){
break;
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/choices",schemaPath:"#/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.usage !== undefined){
const _errs12 = errors;
if(!(validate48(data.usage, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prompt_filter_results !== undefined){
let data7 = data.prompt_filter_results;
const _errs13 = errors;
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data7)){
var valid3 = true;
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
const _errs16 = errors;
if(errors === _errs16){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
validate39.errors = [{instancePath:instancePath+"/prompt_filter_results/" + i1,schemaPath:"#/components/schemas/PromptFilterResults/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs16 === errors;
if(!valid3){
break;
}
}
}
else {
validate39.errors = [{instancePath:instancePath+"/prompt_filter_results",schemaPath:"#/components/schemas/PromptFilterResults/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate39.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"props":{"id":true,"object":true,"created":true,"model":true,"choices":true,"usage":true,"prompt_filter_results":true},"dynamicProps":false,"dynamicItems":false};

exports.validateCompletionsResponse = validate50;
const schema88 = {"type":"object","required":["id","object","created","model","choices","usage"],"properties":{"id":{"type":["string","null"]},"object":{"type":"string","const":"text_completion"},"created":{"type":"integer"},"model":{"type":"string"},"choices":{"type":"array","items":{"$ref":"#/components/schemas/CompletionsChoice"}},"usage":{"$ref":"#/components/schemas/Usage"},"prompt_filter_results":{"$ref":"#/components/schemas/PromptFilterResults"}}};
const schema89 = {"type":"object","required":["index","text","finish_reason"],"properties":{"index":{"type":"integer"},"text":{"type":"string"},"finish_reason":{"$ref":"#/components/schemas/FinishReason"},"logprobs":{"$ref":"#/components/schemas/CompletionsLogprobs"},"content_filter_results":{"$ref":"#/components/schemas/ContentFilterResults"}}};
const schema91 = {"description":"Token log probabilities of the choice, present only when the client asked for them (`logprobs: N`) and the provider sent them: OpenAI's legacy object as it came (`tokens`, `token_logprobs`, `top_logprobs` as one token → logprob map per position, `text_offset`), or Gemini's `logprobsResult` in that shape (without `text_offset`). In a stream chunk, the tokens of that chunk.","type":["object","null"],"additionalProperties":true,"properties":{"tokens":{"type":"array","items":{"type":"string"}},"token_logprobs":{"type":"array","items":{"type":["number","null"]}},"top_logprobs":{"type":"array","items":{"type":["object","null"],"additionalProperties":{"type":"number"}}},"text_offset":{"type":"array","items":{"type":"integer"}}}};

function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate51.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.index === undefined) && (missing0 = "index")) || ((data.text === undefined) && (missing0 = "text"))) || ((data.finish_reason === undefined) && (missing0 = "finish_reason"))){
validate51.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.index !== undefined){
let data0 = data.index;
const _errs1 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate51.errors = [{instancePath:instancePath+"/index",schemaPath:"#/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.text !== undefined){
const _errs3 = errors;
if(typeof data.text !== "string"){
validate51.errors = [{instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.finish_reason !== undefined){
let data2 = data.finish_reason;
const _errs5 = errors;
if((typeof data2 !== "string") && (data2 !== null)){
validate51.errors = [{instancePath:instancePath+"/finish_reason",schemaPath:"#/components/schemas/FinishReason/type",keyword:"type",params:{type: schema79.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.logprobs !== undefined){
let data3 = data.logprobs;
const _errs8 = errors;
const _errs9 = errors;
if((!(data3 && typeof data3 == "object" && !Array.isArray(data3))) && (data3 !== null)){
validate51.errors = [{instancePath:instancePath+"/logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/type",keyword:"type",params:{type: schema91.type},message:"must be object,null"}];
return false;
}
if(errors === _errs9){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.tokens !== undefined){
let data4 = data3.tokens;
const _errs12 = errors;
if(errors === _errs12){
if(Array.isArray(data4)){
var valid4 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs14 = errors;
if(typeof data4[i0] !== "string"){
validate51.errors = [{instancePath:instancePath+"/logprobs/tokens/" + i0,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/tokens/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs14 === errors;
if(!valid4){
break;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/logprobs/tokens",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/tokens/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs12 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.token_logprobs !== undefined){
let data6 = data3.token_logprobs;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data6)){
var valid5 = true;
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
const _errs18 = errors;
if((!((typeof data7 == "number") && (isFinite(data7)))) && (data7 !== null)){
validate51.errors = [{instancePath:instancePath+"/logprobs/token_logprobs/" + i1,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/token_logprobs/items/type",keyword:"type",params:{type: schema91.properties.token_logprobs.items.type},message:"must be number,null"}];
return false;
}
var valid5 = _errs18 === errors;
if(!valid5){
break;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/logprobs/token_logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/token_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.top_logprobs !== undefined){
let data8 = data3.top_logprobs;
const _errs20 = errors;
if(errors === _errs20){
if(Array.isArray(data8)){
var valid6 = true;
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
const _errs22 = errors;
if((!(data9 && typeof data9 == "object" && !Array.isArray(data9))) && (data9 !== null)){
validate51.errors = [{instancePath:instancePath+"/logprobs/top_logprobs/" + i2,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/items/type",keyword:"type",params:{type: schema91.properties.top_logprobs.items.type},message:"must be object,null"}];
return false;
}
if(errors === _errs22){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key0 in data9){
let data10 = data9[key0];
const _errs25 = errors;
if(!((typeof data10 == "number") && (isFinite(data10)))){
validate51.errors = [{instancePath:instancePath+"/logprobs/top_logprobs/" + i2+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/items/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid7 = _errs25 === errors;
if(!valid7){
break;
}
}
}
}
var valid6 = _errs22 === errors;
if(!valid6){
break;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/logprobs/top_logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs20 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.text_offset !== undefined){
let data11 = data3.text_offset;
const _errs27 = errors;
if(errors === _errs27){
if(Array.isArray(data11)){
var valid8 = true;
const len3 = data11.length;
for(let i3=0; i3<len3; i3++){
let data12 = data11[i3];
const _errs29 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate51.errors = [{instancePath:instancePath+"/logprobs/text_offset/" + i3,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/text_offset/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid8 = _errs29 === errors;
if(!valid8){
break;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/logprobs/text_offset",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/text_offset/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs27 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content_filter_results !== undefined){
let data13 = data.content_filter_results;
const _errs31 = errors;
const _errs32 = errors;
if(errors === _errs32){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
}
else {
validate51.errors = [{instancePath:instancePath+"/content_filter_results",schemaPath:"#/components/schemas/ContentFilterResults/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate51.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate51.errors = vErrors;
return errors === 0;
}
validate51.evaluated = {"props":{"index":true,"text":true,"finish_reason":true,"logprobs":true,"content_filter_results":true},"dynamicProps":false,"dynamicItems":false};


function validate50(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate50.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.id === undefined) && (missing0 = "id")) || ((data.object === undefined) && (missing0 = "object"))) || ((data.created === undefined) && (missing0 = "created"))) || ((data.model === undefined) && (missing0 = "model"))) || ((data.choices === undefined) && (missing0 = "choices"))) || ((data.usage === undefined) && (missing0 = "usage"))){
validate50.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.id !== undefined){
let data0 = data.id;
const _errs1 = errors;
if((typeof data0 !== "string") && (data0 !== null)){
validate50.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema88.properties.id.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.object !== undefined){
let data1 = data.object;
const _errs3 = errors;
if(typeof data1 !== "string"){
validate50.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if("text_completion" !== data1){
validate50.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "text_completion"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created !== undefined){
let data2 = data.created;
const _errs5 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate50.errors = [{instancePath:instancePath+"/created",schemaPath:"#/properties/created/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
const _errs7 = errors;
if(typeof data.model !== "string"){
validate50.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.choices !== undefined){
let data4 = data.choices;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data4)){
var valid1 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs11 = errors;
if(!(validate51(data4[i0], {instancePath:instancePath+"/choices/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate51.errors : vErrors.concat(validate51.errors);
errors = vErrors.length;
}
var valid1 = _errs11 === errors;
if(!valid1){
break;
}
}
}
else {
validate50.errors = [{instancePath:instancePath+"/choices",schemaPath:"#/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.usage !== undefined){
const _errs12 = errors;
if(!(validate48(data.usage, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prompt_filter_results !== undefined){
let data7 = data.prompt_filter_results;
const _errs13 = errors;
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data7)){
var valid3 = true;
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
const _errs16 = errors;
if(errors === _errs16){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
validate50.errors = [{instancePath:instancePath+"/prompt_filter_results/" + i1,schemaPath:"#/components/schemas/PromptFilterResults/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs16 === errors;
if(!valid3){
break;
}
}
}
else {
validate50.errors = [{instancePath:instancePath+"/prompt_filter_results",schemaPath:"#/components/schemas/PromptFilterResults/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate50.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate50.errors = vErrors;
return errors === 0;
}
validate50.evaluated = {"props":{"id":true,"object":true,"created":true,"model":true,"choices":true,"usage":true,"prompt_filter_results":true},"dynamicProps":false,"dynamicItems":false};

exports.validateEmbeddingsResponse = validate54;
const schema94 = {"type":"object","required":["object","data","model","usage"],"properties":{"object":{"type":"string","const":"list"},"data":{"type":"array","items":{"$ref":"#/components/schemas/Embedding"}},"model":{"type":"string"},"usage":{"$ref":"#/components/schemas/EmbeddingsUsage"}}};
const schema95 = {"type":"object","required":["object","embedding","index"],"properties":{"object":{"type":"string","const":"embedding"},"embedding":{"description":"The vector, or a base64 string when `encoding_format` is `base64`.","oneOf":[{"type":"array","items":{"type":"number"}},{"type":"string"}]},"index":{"type":"integer"}}};
const schema96 = {"type":"object","required":["prompt_tokens","total_tokens"],"properties":{"prompt_tokens":{"type":["integer","null"]},"total_tokens":{"type":["integer","null"]}}};

function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.object === undefined) && (missing0 = "object")) || ((data.data === undefined) && (missing0 = "data"))) || ((data.model === undefined) && (missing0 = "model"))) || ((data.usage === undefined) && (missing0 = "usage"))){
validate54.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.object !== undefined){
let data0 = data.object;
const _errs1 = errors;
if(typeof data0 !== "string"){
validate54.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if("list" !== data0){
validate54.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "list"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.data !== undefined){
let data1 = data.data;
const _errs3 = errors;
if(errors === _errs3){
if(Array.isArray(data1)){
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if((((data2.object === undefined) && (missing1 = "object")) || ((data2.embedding === undefined) && (missing1 = "embedding"))) || ((data2.index === undefined) && (missing1 = "index"))){
validate54.errors = [{instancePath:instancePath+"/data/" + i0,schemaPath:"#/components/schemas/Embedding/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
if(data2.object !== undefined){
let data3 = data2.object;
const _errs8 = errors;
if(typeof data3 !== "string"){
validate54.errors = [{instancePath:instancePath+"/data/" + i0+"/object",schemaPath:"#/components/schemas/Embedding/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if("embedding" !== data3){
validate54.errors = [{instancePath:instancePath+"/data/" + i0+"/object",schemaPath:"#/components/schemas/Embedding/properties/object/const",keyword:"const",params:{allowedValue: "embedding"},message:"must be equal to constant"}];
return false;
}
var valid3 = _errs8 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.embedding !== undefined){
let data4 = data2.embedding;
const _errs10 = errors;
const _errs11 = errors;
let valid4 = false;
let passing0 = null;
const _errs12 = errors;
if(errors === _errs12){
if(Array.isArray(data4)){
var valid5 = true;
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
const _errs14 = errors;
if(!((typeof data5 == "number") && (isFinite(data5)))){
const err0 = {instancePath:instancePath+"/data/" + i0+"/embedding/" + i1,schemaPath:"#/components/schemas/Embedding/properties/embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid5 = _errs14 === errors;
if(!valid5){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/data/" + i0+"/embedding",schemaPath:"#/components/schemas/Embedding/properties/embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs12 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs16 = errors;
if(typeof data4 !== "string"){
const err2 = {instancePath:instancePath+"/data/" + i0+"/embedding",schemaPath:"#/components/schemas/Embedding/properties/embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs16 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err3 = {instancePath:instancePath+"/data/" + i0+"/embedding",schemaPath:"#/components/schemas/Embedding/properties/embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate54.errors = vErrors;
return false;
}
else {
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
}
var valid3 = _errs10 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.index !== undefined){
let data6 = data2.index;
const _errs18 = errors;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
validate54.errors = [{instancePath:instancePath+"/data/" + i0+"/index",schemaPath:"#/components/schemas/Embedding/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid3 = _errs18 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/data/" + i0,schemaPath:"#/components/schemas/Embedding/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs5 === errors;
if(!valid1){
break;
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
const _errs20 = errors;
if(typeof data.model !== "string"){
validate54.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.usage !== undefined){
let data8 = data.usage;
const _errs22 = errors;
const _errs23 = errors;
if(errors === _errs23){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
let missing2;
if(((data8.prompt_tokens === undefined) && (missing2 = "prompt_tokens")) || ((data8.total_tokens === undefined) && (missing2 = "total_tokens"))){
validate54.errors = [{instancePath:instancePath+"/usage",schemaPath:"#/components/schemas/EmbeddingsUsage/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
if(data8.prompt_tokens !== undefined){
let data9 = data8.prompt_tokens;
const _errs25 = errors;
if((!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))) && (data9 !== null)){
validate54.errors = [{instancePath:instancePath+"/usage/prompt_tokens",schemaPath:"#/components/schemas/EmbeddingsUsage/properties/prompt_tokens/type",keyword:"type",params:{type: schema96.properties.prompt_tokens.type},message:"must be integer,null"}];
return false;
}
var valid7 = _errs25 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data8.total_tokens !== undefined){
let data10 = data8.total_tokens;
const _errs27 = errors;
if((!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) && (data10 !== null)){
validate54.errors = [{instancePath:instancePath+"/usage/total_tokens",schemaPath:"#/components/schemas/EmbeddingsUsage/properties/total_tokens/type",keyword:"type",params:{type: schema96.properties.total_tokens.type},message:"must be integer,null"}];
return false;
}
var valid7 = _errs27 === errors;
}
else {
var valid7 = true;
}
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/usage",schemaPath:"#/components/schemas/EmbeddingsUsage/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate54.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate54.errors = vErrors;
return errors === 0;
}
validate54.evaluated = {"props":{"object":true,"data":true,"model":true,"usage":true},"dynamicProps":false,"dynamicItems":false};

exports.validateChatChunk = validate55;
const schema97 = {"type":"object","required":["id","object","created","model","choices"],"properties":{"id":{"type":["string","null"]},"object":{"type":"string","const":"chat.completion.chunk"},"created":{"type":"integer"},"model":{"type":"string"},"choices":{"type":"array","items":{"$ref":"#/components/schemas/ChatChunkChoice"}},"usage":{"description":"Present only on the last chunk, when the provider reports usage for a stream.","oneOf":[{"$ref":"#/components/schemas/Usage"},{"type":"null"}]},"prompt_filter_results":{"$ref":"#/components/schemas/PromptFilterResults"}}};
const schema98 = {"type":"object","required":["index","finish_reason","delta"],"properties":{"index":{"type":"integer"},"finish_reason":{"$ref":"#/components/schemas/FinishReason"},"delta":{"$ref":"#/components/schemas/ChatDelta"},"logprobs":{"$ref":"#/components/schemas/ChatLogprobs"},"content_filter_results":{"$ref":"#/components/schemas/ContentFilterResults"}}};
const schema100 = {"type":"object","required":["role","content","tool_calls"],"properties":{"role":{"type":["string","null"]},"content":{"type":["string","null"]},"refusal":{"type":["string","null"],"description":"A piece of the model's refusal (OpenAI streams it in place of content); present only when the provider sent one."},"reasoning_content":{"type":["string","null"],"description":"A piece of the model's thinking text; present only when the provider streams thinking."},"thinking_blocks":{"description":"Pieces of the answer's thinking blocks (see ThinkingBlockDelta); present only when the provider streams thinking.","oneOf":[{"type":"array","items":{"$ref":"#/components/schemas/ThinkingBlockDelta"}},{"type":"null"}]},"annotations":{"description":"Web pages the answer cites (see UrlCitation), whole, each once, in the chunk that brings them; present only when the provider sent citations. The indexes count in the whole message's `content`.","oneOf":[{"type":"array","items":{"$ref":"#/components/schemas/UrlCitation"}},{"type":"null"}]},"tool_calls":{"oneOf":[{"type":"array","items":{"$ref":"#/components/schemas/ToolCallDelta"}},{"type":"null"}]}}};
const schema101 = {"description":"A piece of a thinking block in a stream: `thinking` text pieces, then the block's `signature` (a piece with `thinking: \"\"`); a redacted block comes whole. A signature closes its block. `index` is the block's position in the answer's `thinking_blocks`, on which pieces join (as tool call pieces do).","oneOf":[{"type":"object","required":["index","type"],"properties":{"index":{"type":"integer","minimum":0},"type":{"type":"string","const":"thinking"},"thinking":{"type":"string"},"signature":{"type":"string"},"content_index":{"type":"integer","minimum":0,"description":"See SignedThinkingBlock.content_index."}}},{"type":"object","required":["index","type","data"],"properties":{"index":{"type":"integer","minimum":0},"type":{"type":"string","const":"redacted_thinking"},"data":{"type":"string","description":"The encrypted thinking, to be sent back unchanged."},"content_index":{"type":"integer","minimum":0,"description":"See SignedThinkingBlock.content_index."}}}]};
const schema103 = {"type":"object","required":["index","id","type","function"],"properties":{"index":{"type":"integer"},"id":{"type":["string","null"]},"type":{"type":["string","null"]},"function":{"type":"object","required":["name","arguments"],"properties":{"name":{"type":["string","null"]},"arguments":{"type":["string","null"]}}}}};

function validate57(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate57.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.role === undefined) && (missing0 = "role")) || ((data.content === undefined) && (missing0 = "content"))) || ((data.tool_calls === undefined) && (missing0 = "tool_calls"))){
validate57.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.role !== undefined){
let data0 = data.role;
const _errs1 = errors;
if((typeof data0 !== "string") && (data0 !== null)){
validate57.errors = [{instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: schema100.properties.role.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
let data1 = data.content;
const _errs3 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate57.errors = [{instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: schema100.properties.content.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.refusal !== undefined){
let data2 = data.refusal;
const _errs5 = errors;
if((typeof data2 !== "string") && (data2 !== null)){
validate57.errors = [{instancePath:instancePath+"/refusal",schemaPath:"#/properties/refusal/type",keyword:"type",params:{type: schema100.properties.refusal.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reasoning_content !== undefined){
let data3 = data.reasoning_content;
const _errs7 = errors;
if((typeof data3 !== "string") && (data3 !== null)){
validate57.errors = [{instancePath:instancePath+"/reasoning_content",schemaPath:"#/properties/reasoning_content/type",keyword:"type",params:{type: schema100.properties.reasoning_content.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.thinking_blocks !== undefined){
let data4 = data.thinking_blocks;
const _errs9 = errors;
const _errs10 = errors;
let valid1 = false;
let passing0 = null;
const _errs11 = errors;
if(errors === _errs11){
if(Array.isArray(data4)){
var valid2 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
const _errs13 = errors;
const _errs15 = errors;
let valid4 = false;
let passing1 = null;
const _errs16 = errors;
if(errors === _errs16){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if(((data5.index === undefined) && (missing1 = "index")) || ((data5.type === undefined) && (missing1 = "type"))){
const err0 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data5.index !== undefined){
let data6 = data5.index;
const _errs18 = errors;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err1 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(errors === _errs18){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err2 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
var valid5 = _errs18 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data5.type !== undefined){
let data7 = data5.type;
const _errs20 = errors;
if(typeof data7 !== "string"){
const err3 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/type",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if("thinking" !== data7){
const err4 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/type",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "thinking"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid5 = _errs20 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data5.thinking !== undefined){
const _errs22 = errors;
if(typeof data5.thinking !== "string"){
const err5 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/thinking",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/thinking/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid5 = _errs22 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data5.signature !== undefined){
const _errs24 = errors;
if(typeof data5.signature !== "string"){
const err6 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/signature",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var valid5 = _errs24 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data5.content_index !== undefined){
let data10 = data5.content_index;
const _errs26 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err7 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/content_index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/content_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(errors === _errs26){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err8 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/content_index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/content_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
var valid5 = _errs26 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid1 = _errs16 === errors;
if(_valid1){
valid4 = true;
passing1 = 0;
var props0 = {};
props0.index = true;
props0.type = true;
props0.thinking = true;
props0.signature = true;
props0.content_index = true;
}
const _errs28 = errors;
if(errors === _errs28){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing2;
if((((data5.index === undefined) && (missing2 = "index")) || ((data5.type === undefined) && (missing2 = "type"))) || ((data5.data === undefined) && (missing2 = "data"))){
const err10 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
if(data5.index !== undefined){
let data11 = data5.index;
const _errs30 = errors;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err11 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(errors === _errs30){
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
const err12 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
var valid6 = _errs30 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.type !== undefined){
let data12 = data5.type;
const _errs32 = errors;
if(typeof data12 !== "string"){
const err13 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/type",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if("redacted_thinking" !== data12){
const err14 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/type",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "redacted_thinking"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var valid6 = _errs32 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.data !== undefined){
const _errs34 = errors;
if(typeof data5.data !== "string"){
const err15 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/data",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var valid6 = _errs34 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.content_index !== undefined){
let data14 = data5.content_index;
const _errs36 = errors;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err16 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/content_index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/content_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(errors === _errs36){
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 0 || isNaN(data14)){
const err17 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/content_index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/content_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
var valid6 = _errs36 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
else {
const err18 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var _valid1 = _errs28 === errors;
if(_valid1 && valid4){
valid4 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid4 = true;
passing1 = 1;
if(props0 !== true){
props0 = props0 || {};
props0.index = true;
props0.type = true;
props0.data = true;
props0.content_index = true;
}
}
}
if(!valid4){
const err19 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
var valid2 = _errs13 === errors;
if(!valid2){
break;
}
}
}
else {
const err20 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs38 = errors;
if(data4 !== null){
const err21 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid0 = _errs38 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
}
if(!valid1){
const err22 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
validate57.errors = vErrors;
return false;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.annotations !== undefined){
let data15 = data.annotations;
const _errs40 = errors;
const _errs41 = errors;
let valid7 = false;
let passing2 = null;
const _errs42 = errors;
if(errors === _errs42){
if(Array.isArray(data15)){
var valid8 = true;
const len1 = data15.length;
for(let i1=0; i1<len1; i1++){
let data16 = data15[i1];
const _errs44 = errors;
const _errs45 = errors;
if(errors === _errs45){
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
let missing3;
if(((data16.type === undefined) && (missing3 = "type")) || ((data16.url_citation === undefined) && (missing3 = "url_citation"))){
const err23 = {instancePath:instancePath+"/annotations/" + i1,schemaPath:"#/components/schemas/UrlCitation/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
else {
if(data16.type !== undefined){
let data17 = data16.type;
const _errs47 = errors;
if(typeof data17 !== "string"){
const err24 = {instancePath:instancePath+"/annotations/" + i1+"/type",schemaPath:"#/components/schemas/UrlCitation/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if("url_citation" !== data17){
const err25 = {instancePath:instancePath+"/annotations/" + i1+"/type",schemaPath:"#/components/schemas/UrlCitation/properties/type/const",keyword:"const",params:{allowedValue: "url_citation"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var valid10 = _errs47 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data16.url_citation !== undefined){
let data18 = data16.url_citation;
const _errs49 = errors;
if(errors === _errs49){
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
let missing4;
if(((((data18.url === undefined) && (missing4 = "url")) || ((data18.title === undefined) && (missing4 = "title"))) || ((data18.start_index === undefined) && (missing4 = "start_index"))) || ((data18.end_index === undefined) && (missing4 = "end_index"))){
const err26 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
else {
if(data18.url !== undefined){
const _errs51 = errors;
if(typeof data18.url !== "string"){
const err27 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/url",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var valid11 = _errs51 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data18.title !== undefined){
const _errs53 = errors;
if(typeof data18.title !== "string"){
const err28 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/title",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var valid11 = _errs53 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data18.start_index !== undefined){
let data21 = data18.start_index;
const _errs55 = errors;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
const err29 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/start_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/start_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(errors === _errs55){
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 0 || isNaN(data21)){
const err30 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/start_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/start_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
var valid11 = _errs55 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data18.end_index !== undefined){
let data22 = data18.end_index;
const _errs57 = errors;
if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){
const err31 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/end_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/end_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(errors === _errs57){
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 < 0 || isNaN(data22)){
const err32 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/end_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/end_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
var valid11 = _errs57 === errors;
}
else {
var valid11 = true;
}
}
}
}
}
}
else {
const err33 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
var valid10 = _errs49 === errors;
}
else {
var valid10 = true;
}
}
}
}
else {
const err34 = {instancePath:instancePath+"/annotations/" + i1,schemaPath:"#/components/schemas/UrlCitation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
var valid8 = _errs44 === errors;
if(!valid8){
break;
}
}
}
else {
const err35 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
var _valid2 = _errs42 === errors;
if(_valid2){
valid7 = true;
passing2 = 0;
}
const _errs59 = errors;
if(data15 !== null){
const err36 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
var _valid2 = _errs59 === errors;
if(_valid2 && valid7){
valid7 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid7 = true;
passing2 = 1;
}
}
if(!valid7){
const err37 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
validate57.errors = vErrors;
return false;
}
else {
errors = _errs41;
if(vErrors !== null){
if(_errs41){
vErrors.length = _errs41;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs40 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tool_calls !== undefined){
let data23 = data.tool_calls;
const _errs61 = errors;
const _errs62 = errors;
let valid12 = false;
let passing3 = null;
const _errs63 = errors;
if(errors === _errs63){
if(Array.isArray(data23)){
var valid13 = true;
const len2 = data23.length;
for(let i2=0; i2<len2; i2++){
let data24 = data23[i2];
const _errs65 = errors;
const _errs66 = errors;
if(errors === _errs66){
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
let missing5;
if(((((data24.index === undefined) && (missing5 = "index")) || ((data24.id === undefined) && (missing5 = "id"))) || ((data24.type === undefined) && (missing5 = "type"))) || ((data24.function === undefined) && (missing5 = "function"))){
const err38 = {instancePath:instancePath+"/tool_calls/" + i2,schemaPath:"#/components/schemas/ToolCallDelta/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
else {
if(data24.index !== undefined){
let data25 = data24.index;
const _errs68 = errors;
if(!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))){
const err39 = {instancePath:instancePath+"/tool_calls/" + i2+"/index",schemaPath:"#/components/schemas/ToolCallDelta/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var valid15 = _errs68 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data24.id !== undefined){
let data26 = data24.id;
const _errs70 = errors;
if((typeof data26 !== "string") && (data26 !== null)){
const err40 = {instancePath:instancePath+"/tool_calls/" + i2+"/id",schemaPath:"#/components/schemas/ToolCallDelta/properties/id/type",keyword:"type",params:{type: schema103.properties.id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
var valid15 = _errs70 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data24.type !== undefined){
let data27 = data24.type;
const _errs72 = errors;
if((typeof data27 !== "string") && (data27 !== null)){
const err41 = {instancePath:instancePath+"/tool_calls/" + i2+"/type",schemaPath:"#/components/schemas/ToolCallDelta/properties/type/type",keyword:"type",params:{type: schema103.properties.type.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
var valid15 = _errs72 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data24.function !== undefined){
let data28 = data24.function;
const _errs74 = errors;
if(errors === _errs74){
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
let missing6;
if(((data28.name === undefined) && (missing6 = "name")) || ((data28.arguments === undefined) && (missing6 = "arguments"))){
const err42 = {instancePath:instancePath+"/tool_calls/" + i2+"/function",schemaPath:"#/components/schemas/ToolCallDelta/properties/function/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
else {
if(data28.name !== undefined){
let data29 = data28.name;
const _errs76 = errors;
if((typeof data29 !== "string") && (data29 !== null)){
const err43 = {instancePath:instancePath+"/tool_calls/" + i2+"/function/name",schemaPath:"#/components/schemas/ToolCallDelta/properties/function/properties/name/type",keyword:"type",params:{type: schema103.properties.function.properties.name.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var valid16 = _errs76 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data28.arguments !== undefined){
let data30 = data28.arguments;
const _errs78 = errors;
if((typeof data30 !== "string") && (data30 !== null)){
const err44 = {instancePath:instancePath+"/tool_calls/" + i2+"/function/arguments",schemaPath:"#/components/schemas/ToolCallDelta/properties/function/properties/arguments/type",keyword:"type",params:{type: schema103.properties.function.properties.arguments.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
var valid16 = _errs78 === errors;
}
else {
var valid16 = true;
}
}
}
}
else {
const err45 = {instancePath:instancePath+"/tool_calls/" + i2+"/function",schemaPath:"#/components/schemas/ToolCallDelta/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
var valid15 = _errs74 === errors;
}
else {
var valid15 = true;
}
}
}
}
}
}
else {
const err46 = {instancePath:instancePath+"/tool_calls/" + i2,schemaPath:"#/components/schemas/ToolCallDelta/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
var valid13 = _errs65 === errors;
if(!valid13){
break;
}
}
}
else {
const err47 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
var _valid3 = _errs63 === errors;
if(_valid3){
valid12 = true;
passing3 = 0;
}
const _errs80 = errors;
if(data23 !== null){
const err48 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
var _valid3 = _errs80 === errors;
if(_valid3 && valid12){
valid12 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid12 = true;
passing3 = 1;
}
}
if(!valid12){
const err49 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
validate57.errors = vErrors;
return false;
}
else {
errors = _errs62;
if(vErrors !== null){
if(_errs62){
vErrors.length = _errs62;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs61 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate57.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate57.errors = vErrors;
return errors === 0;
}
validate57.evaluated = {"props":{"role":true,"content":true,"refusal":true,"reasoning_content":true,"thinking_blocks":true,"annotations":true,"tool_calls":true},"dynamicProps":false,"dynamicItems":false};


function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate56.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.index === undefined) && (missing0 = "index")) || ((data.finish_reason === undefined) && (missing0 = "finish_reason"))) || ((data.delta === undefined) && (missing0 = "delta"))){
validate56.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.index !== undefined){
let data0 = data.index;
const _errs1 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate56.errors = [{instancePath:instancePath+"/index",schemaPath:"#/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.finish_reason !== undefined){
let data1 = data.finish_reason;
const _errs3 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate56.errors = [{instancePath:instancePath+"/finish_reason",schemaPath:"#/components/schemas/FinishReason/type",keyword:"type",params:{type: schema79.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.delta !== undefined){
const _errs6 = errors;
if(!(validate57(data.delta, {instancePath:instancePath+"/delta",parentData:data,parentDataProperty:"delta",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
errors = vErrors.length;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.logprobs !== undefined){
const _errs7 = errors;
if(!(validate45(data.logprobs, {instancePath:instancePath+"/logprobs",parentData:data,parentDataProperty:"logprobs",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
errors = vErrors.length;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content_filter_results !== undefined){
let data4 = data.content_filter_results;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
validate56.errors = [{instancePath:instancePath+"/content_filter_results",schemaPath:"#/components/schemas/ContentFilterResults/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate56.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate56.errors = vErrors;
return errors === 0;
}
validate56.evaluated = {"props":{"index":true,"finish_reason":true,"delta":true,"logprobs":true,"content_filter_results":true},"dynamicProps":false,"dynamicItems":false};


function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate55.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.id === undefined) && (missing0 = "id")) || ((data.object === undefined) && (missing0 = "object"))) || ((data.created === undefined) && (missing0 = "created"))) || ((data.model === undefined) && (missing0 = "model"))) || ((data.choices === undefined) && (missing0 = "choices"))){
validate55.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.id !== undefined){
let data0 = data.id;
const _errs1 = errors;
if((typeof data0 !== "string") && (data0 !== null)){
validate55.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema97.properties.id.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.object !== undefined){
let data1 = data.object;
const _errs3 = errors;
if(typeof data1 !== "string"){
validate55.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if("chat.completion.chunk" !== data1){
validate55.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "chat.completion.chunk"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created !== undefined){
let data2 = data.created;
const _errs5 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate55.errors = [{instancePath:instancePath+"/created",schemaPath:"#/properties/created/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
const _errs7 = errors;
if(typeof data.model !== "string"){
validate55.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.choices !== undefined){
let data4 = data.choices;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data4)){
var valid1 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs11 = errors;
if(!(validate56(data4[i0], {instancePath:instancePath+"/choices/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
var valid1 = _errs11 === errors;
if(!valid1){
break;
}
}
}
else {
validate55.errors = [{instancePath:instancePath+"/choices",schemaPath:"#/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.usage !== undefined){
let data6 = data.usage;
const _errs12 = errors;
const _errs13 = errors;
let valid2 = false;
let passing0 = null;
const _errs14 = errors;
if(!(validate48(data6, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
var _valid0 = _errs14 === errors;
if(_valid0){
valid2 = true;
passing0 = 0;
var props0 = {};
props0.prompt_tokens = true;
props0.completion_tokens = true;
props0.total_tokens = true;
props0.prompt_tokens_details = true;
props0.completion_tokens_details = true;
props0.server_tool_use = true;
}
const _errs15 = errors;
if(data6 !== null){
const err0 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid2){
valid2 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid2 = true;
passing0 = 1;
}
}
if(!valid2){
const err1 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate55.errors = vErrors;
return false;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prompt_filter_results !== undefined){
let data7 = data.prompt_filter_results;
const _errs17 = errors;
const _errs18 = errors;
if(errors === _errs18){
if(Array.isArray(data7)){
var valid4 = true;
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
const _errs20 = errors;
if(errors === _errs20){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
validate55.errors = [{instancePath:instancePath+"/prompt_filter_results/" + i1,schemaPath:"#/components/schemas/PromptFilterResults/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid4 = _errs20 === errors;
if(!valid4){
break;
}
}
}
else {
validate55.errors = [{instancePath:instancePath+"/prompt_filter_results",schemaPath:"#/components/schemas/PromptFilterResults/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate55.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate55.errors = vErrors;
return errors === 0;
}
validate55.evaluated = {"props":{"id":true,"object":true,"created":true,"model":true,"choices":true,"usage":true,"prompt_filter_results":true},"dynamicProps":false,"dynamicItems":false};

exports.validateCompletionsChunk = validate62;
const schema106 = {"type":"object","required":["id","object","created","model","choices"],"properties":{"id":{"type":["string","null"]},"object":{"type":"string","const":"text_completion_chunk"},"created":{"type":"integer"},"model":{"type":"string"},"choices":{"type":"array","items":{"$ref":"#/components/schemas/CompletionsChunkChoice"}},"usage":{"description":"Present only on the last chunk, when the provider reports usage for a stream.","oneOf":[{"$ref":"#/components/schemas/Usage"},{"type":"null"}]},"prompt_filter_results":{"$ref":"#/components/schemas/PromptFilterResults"}}};
const schema107 = {"type":"object","required":["index","finish_reason","text"],"properties":{"index":{"type":"integer"},"finish_reason":{"$ref":"#/components/schemas/FinishReason"},"text":{"type":["string","null"]},"logprobs":{"$ref":"#/components/schemas/CompletionsLogprobs"},"content_filter_results":{"$ref":"#/components/schemas/ContentFilterResults"}}};

function validate63(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate63.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.index === undefined) && (missing0 = "index")) || ((data.finish_reason === undefined) && (missing0 = "finish_reason"))) || ((data.text === undefined) && (missing0 = "text"))){
validate63.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.index !== undefined){
let data0 = data.index;
const _errs1 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate63.errors = [{instancePath:instancePath+"/index",schemaPath:"#/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.finish_reason !== undefined){
let data1 = data.finish_reason;
const _errs3 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate63.errors = [{instancePath:instancePath+"/finish_reason",schemaPath:"#/components/schemas/FinishReason/type",keyword:"type",params:{type: schema79.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.text !== undefined){
let data2 = data.text;
const _errs6 = errors;
if((typeof data2 !== "string") && (data2 !== null)){
validate63.errors = [{instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: schema107.properties.text.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.logprobs !== undefined){
let data3 = data.logprobs;
const _errs8 = errors;
const _errs9 = errors;
if((!(data3 && typeof data3 == "object" && !Array.isArray(data3))) && (data3 !== null)){
validate63.errors = [{instancePath:instancePath+"/logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/type",keyword:"type",params:{type: schema91.type},message:"must be object,null"}];
return false;
}
if(errors === _errs9){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.tokens !== undefined){
let data4 = data3.tokens;
const _errs12 = errors;
if(errors === _errs12){
if(Array.isArray(data4)){
var valid4 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs14 = errors;
if(typeof data4[i0] !== "string"){
validate63.errors = [{instancePath:instancePath+"/logprobs/tokens/" + i0,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/tokens/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs14 === errors;
if(!valid4){
break;
}
}
}
else {
validate63.errors = [{instancePath:instancePath+"/logprobs/tokens",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/tokens/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs12 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.token_logprobs !== undefined){
let data6 = data3.token_logprobs;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data6)){
var valid5 = true;
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
const _errs18 = errors;
if((!((typeof data7 == "number") && (isFinite(data7)))) && (data7 !== null)){
validate63.errors = [{instancePath:instancePath+"/logprobs/token_logprobs/" + i1,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/token_logprobs/items/type",keyword:"type",params:{type: schema91.properties.token_logprobs.items.type},message:"must be number,null"}];
return false;
}
var valid5 = _errs18 === errors;
if(!valid5){
break;
}
}
}
else {
validate63.errors = [{instancePath:instancePath+"/logprobs/token_logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/token_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.top_logprobs !== undefined){
let data8 = data3.top_logprobs;
const _errs20 = errors;
if(errors === _errs20){
if(Array.isArray(data8)){
var valid6 = true;
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
const _errs22 = errors;
if((!(data9 && typeof data9 == "object" && !Array.isArray(data9))) && (data9 !== null)){
validate63.errors = [{instancePath:instancePath+"/logprobs/top_logprobs/" + i2,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/items/type",keyword:"type",params:{type: schema91.properties.top_logprobs.items.type},message:"must be object,null"}];
return false;
}
if(errors === _errs22){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key0 in data9){
let data10 = data9[key0];
const _errs25 = errors;
if(!((typeof data10 == "number") && (isFinite(data10)))){
validate63.errors = [{instancePath:instancePath+"/logprobs/top_logprobs/" + i2+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/items/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid7 = _errs25 === errors;
if(!valid7){
break;
}
}
}
}
var valid6 = _errs22 === errors;
if(!valid6){
break;
}
}
}
else {
validate63.errors = [{instancePath:instancePath+"/logprobs/top_logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs20 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.text_offset !== undefined){
let data11 = data3.text_offset;
const _errs27 = errors;
if(errors === _errs27){
if(Array.isArray(data11)){
var valid8 = true;
const len3 = data11.length;
for(let i3=0; i3<len3; i3++){
let data12 = data11[i3];
const _errs29 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate63.errors = [{instancePath:instancePath+"/logprobs/text_offset/" + i3,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/text_offset/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid8 = _errs29 === errors;
if(!valid8){
break;
}
}
}
else {
validate63.errors = [{instancePath:instancePath+"/logprobs/text_offset",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/text_offset/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs27 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content_filter_results !== undefined){
let data13 = data.content_filter_results;
const _errs31 = errors;
const _errs32 = errors;
if(errors === _errs32){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
}
else {
validate63.errors = [{instancePath:instancePath+"/content_filter_results",schemaPath:"#/components/schemas/ContentFilterResults/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate63.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate63.errors = vErrors;
return errors === 0;
}
validate63.evaluated = {"props":{"index":true,"finish_reason":true,"text":true,"logprobs":true,"content_filter_results":true},"dynamicProps":false,"dynamicItems":false};


function validate62(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate62.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.id === undefined) && (missing0 = "id")) || ((data.object === undefined) && (missing0 = "object"))) || ((data.created === undefined) && (missing0 = "created"))) || ((data.model === undefined) && (missing0 = "model"))) || ((data.choices === undefined) && (missing0 = "choices"))){
validate62.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.id !== undefined){
let data0 = data.id;
const _errs1 = errors;
if((typeof data0 !== "string") && (data0 !== null)){
validate62.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema106.properties.id.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.object !== undefined){
let data1 = data.object;
const _errs3 = errors;
if(typeof data1 !== "string"){
validate62.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if("text_completion_chunk" !== data1){
validate62.errors = [{instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "text_completion_chunk"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created !== undefined){
let data2 = data.created;
const _errs5 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate62.errors = [{instancePath:instancePath+"/created",schemaPath:"#/properties/created/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
const _errs7 = errors;
if(typeof data.model !== "string"){
validate62.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.choices !== undefined){
let data4 = data.choices;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data4)){
var valid1 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs11 = errors;
if(!(validate63(data4[i0], {instancePath:instancePath+"/choices/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
errors = vErrors.length;
}
var valid1 = _errs11 === errors;
if(!valid1){
break;
}
}
}
else {
validate62.errors = [{instancePath:instancePath+"/choices",schemaPath:"#/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.usage !== undefined){
let data6 = data.usage;
const _errs12 = errors;
const _errs13 = errors;
let valid2 = false;
let passing0 = null;
const _errs14 = errors;
if(!(validate48(data6, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
var _valid0 = _errs14 === errors;
if(_valid0){
valid2 = true;
passing0 = 0;
var props0 = {};
props0.prompt_tokens = true;
props0.completion_tokens = true;
props0.total_tokens = true;
props0.prompt_tokens_details = true;
props0.completion_tokens_details = true;
props0.server_tool_use = true;
}
const _errs15 = errors;
if(data6 !== null){
const err0 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid2){
valid2 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid2 = true;
passing0 = 1;
}
}
if(!valid2){
const err1 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate62.errors = vErrors;
return false;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prompt_filter_results !== undefined){
let data7 = data.prompt_filter_results;
const _errs17 = errors;
const _errs18 = errors;
if(errors === _errs18){
if(Array.isArray(data7)){
var valid4 = true;
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
const _errs20 = errors;
if(errors === _errs20){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
validate62.errors = [{instancePath:instancePath+"/prompt_filter_results/" + i1,schemaPath:"#/components/schemas/PromptFilterResults/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid4 = _errs20 === errors;
if(!valid4){
break;
}
}
}
else {
validate62.errors = [{instancePath:instancePath+"/prompt_filter_results",schemaPath:"#/components/schemas/PromptFilterResults/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate62.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate62.errors = vErrors;
return errors === 0;
}
validate62.evaluated = {"props":{"id":true,"object":true,"created":true,"model":true,"choices":true,"usage":true,"prompt_filter_results":true},"dynamicProps":false,"dynamicItems":false};
