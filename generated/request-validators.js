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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/components/schemas/TextContentPart/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.text === undefined){
const err1 = {instancePath,schemaPath:"#/components/schemas/TextContentPart/required",keyword:"required",params:{missingProperty: "text"},message:"must have required property '"+"text"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/TextContentPart/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if("text" !== data0){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/TextContentPart/properties/type/const",keyword:"const",params:{allowedValue: "text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.text !== undefined){
if(typeof data.text !== "string"){
const err4 = {instancePath:instancePath+"/text",schemaPath:"#/components/schemas/TextContentPart/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/components/schemas/TextContentPart/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err6 = {instancePath,schemaPath:"#/components/schemas/ImageContentPart/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.image_url === undefined){
const err7 = {instancePath,schemaPath:"#/components/schemas/ImageContentPart/required",keyword:"required",params:{missingProperty: "image_url"},message:"must have required property '"+"image_url"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.type !== undefined){
let data2 = data.type;
if(typeof data2 !== "string"){
const err8 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ImageContentPart/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if("image_url" !== data2){
const err9 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ImageContentPart/properties/type/const",keyword:"const",params:{allowedValue: "image_url"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.image_url !== undefined){
let data3 = data.image_url;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.url === undefined){
const err10 = {instancePath:instancePath+"/image_url",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.url !== undefined){
if(typeof data3.url !== "string"){
const err11 = {instancePath:instancePath+"/image_url/url",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.detail !== undefined){
let data5 = data3.detail;
if((typeof data5 !== "string") && (data5 !== null)){
const err12 = {instancePath:instancePath+"/image_url/detail",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/properties/detail/type",keyword:"type",params:{type: schema36.properties.image_url.properties.detail.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(!((((data5 === "auto") || (data5 === "low")) || (data5 === "high")) || (data5 === null))){
const err13 = {instancePath:instancePath+"/image_url/detail",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/properties/detail/enum",keyword:"enum",params:{allowedValues: schema36.properties.image_url.properties.detail.enum},message:"must be equal to one of the allowed values"};
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
else {
const err14 = {instancePath:instancePath+"/image_url",schemaPath:"#/components/schemas/ImageContentPart/properties/image_url/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/components/schemas/ImageContentPart/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err16 = {instancePath,schemaPath:"#/components/schemas/AudioContentPart/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data.input_audio === undefined){
const err17 = {instancePath,schemaPath:"#/components/schemas/AudioContentPart/required",keyword:"required",params:{missingProperty: "input_audio"},message:"must have required property '"+"input_audio"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data.type !== undefined){
let data6 = data.type;
if(typeof data6 !== "string"){
const err18 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/AudioContentPart/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if("input_audio" !== data6){
const err19 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/AudioContentPart/properties/type/const",keyword:"const",params:{allowedValue: "input_audio"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.input_audio !== undefined){
let data7 = data.input_audio;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.data === undefined){
const err20 = {instancePath:instancePath+"/input_audio",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data7.format === undefined){
const err21 = {instancePath:instancePath+"/input_audio",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/required",keyword:"required",params:{missingProperty: "format"},message:"must have required property '"+"format"+"'"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data7.data !== undefined){
if(typeof data7.data !== "string"){
const err22 = {instancePath:instancePath+"/input_audio/data",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.format !== undefined){
let data9 = data7.format;
if(typeof data9 !== "string"){
const err23 = {instancePath:instancePath+"/input_audio/format",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!((data9 === "wav") || (data9 === "mp3"))){
const err24 = {instancePath:instancePath+"/input_audio/format",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/properties/format/enum",keyword:"enum",params:{allowedValues: schema37.properties.input_audio.properties.format.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/input_audio",schemaPath:"#/components/schemas/AudioContentPart/properties/input_audio/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath,schemaPath:"#/components/schemas/AudioContentPart/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err27 = {instancePath,schemaPath:"#/components/schemas/FileContentPart/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data.file === undefined){
const err28 = {instancePath,schemaPath:"#/components/schemas/FileContentPart/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data.type !== undefined){
let data10 = data.type;
if(typeof data10 !== "string"){
const err29 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/FileContentPart/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if("file" !== data10){
const err30 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/FileContentPart/properties/type/const",keyword:"const",params:{allowedValue: "file"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.file !== undefined){
let data11 = data.file;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.file_data !== undefined){
if(typeof data11.file_data !== "string"){
const err31 = {instancePath:instancePath+"/file/file_data",schemaPath:"#/components/schemas/FileContentPart/properties/file/properties/file_data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data11.file_id !== undefined){
if(typeof data11.file_id !== "string"){
const err32 = {instancePath:instancePath+"/file/file_id",schemaPath:"#/components/schemas/FileContentPart/properties/file/properties/file_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data11.filename !== undefined){
if(typeof data11.filename !== "string"){
const err33 = {instancePath:instancePath+"/file/filename",schemaPath:"#/components/schemas/FileContentPart/properties/file/properties/filename/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/file",schemaPath:"#/components/schemas/FileContentPart/properties/file/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/components/schemas/FileContentPart/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
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
const err36 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err37 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/components/schemas/SignedThinkingBlock/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.thinking === undefined){
const err1 = {instancePath,schemaPath:"#/components/schemas/SignedThinkingBlock/required",keyword:"required",params:{missingProperty: "thinking"},message:"must have required property '"+"thinking"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.signature === undefined){
const err2 = {instancePath,schemaPath:"#/components/schemas/SignedThinkingBlock/required",keyword:"required",params:{missingProperty: "signature"},message:"must have required property '"+"signature"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if("thinking" !== data0){
const err4 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/type/const",keyword:"const",params:{allowedValue: "thinking"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.thinking !== undefined){
if(typeof data.thinking !== "string"){
const err5 = {instancePath:instancePath+"/thinking",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/thinking/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.signature !== undefined){
if(typeof data.signature !== "string"){
const err6 = {instancePath:instancePath+"/signature",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.content_index !== undefined){
let data3 = data.content_index;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err7 = {instancePath:instancePath+"/content_index",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/content_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err8 = {instancePath:instancePath+"/content_index",schemaPath:"#/components/schemas/SignedThinkingBlock/properties/content_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
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
}
else {
const err9 = {instancePath,schemaPath:"#/components/schemas/SignedThinkingBlock/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err10 = {instancePath,schemaPath:"#/components/schemas/RedactedThinkingBlock/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.data === undefined){
const err11 = {instancePath,schemaPath:"#/components/schemas/RedactedThinkingBlock/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.type !== undefined){
let data4 = data.type;
if(typeof data4 !== "string"){
const err12 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if("redacted_thinking" !== data4){
const err13 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/type/const",keyword:"const",params:{allowedValue: "redacted_thinking"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.data !== undefined){
if(typeof data.data !== "string"){
const err14 = {instancePath:instancePath+"/data",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.content_index !== undefined){
let data6 = data.content_index;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err15 = {instancePath:instancePath+"/content_index",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/content_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err16 = {instancePath:instancePath+"/content_index",schemaPath:"#/components/schemas/RedactedThinkingBlock/properties/content_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/components/schemas/RedactedThinkingBlock/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
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
const err18 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.role !== undefined){
if(typeof data.role !== "string"){
const err1 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.content !== undefined){
let data1 = data.content;
const _errs5 = errors;
let valid1 = false;
let passing0 = null;
const _errs6 = errors;
if(typeof data1 !== "string"){
const err2 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs6 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs8 = errors;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(!(validate23(data1[i0], {instancePath:instancePath+"/content/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
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
const err4 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
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
const err5 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
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
}
if(data.tool_calls !== undefined){
let data3 = data.tool_calls;
const _errs14 = errors;
let valid4 = false;
let passing1 = null;
const _errs15 = errors;
if(Array.isArray(data3)){
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
let data4 = data3[i1];
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.id === undefined){
const err6 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data4.type === undefined){
const err7 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data4.function === undefined){
const err8 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data4.id !== undefined){
if(typeof data4.id !== "string"){
const err9 = {instancePath:instancePath+"/tool_calls/" + i1+"/id",schemaPath:"#/components/schemas/ToolCall/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data4.type !== undefined){
let data6 = data4.type;
if(typeof data6 !== "string"){
const err10 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/components/schemas/ToolCall/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if("function" !== data6){
const err11 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/components/schemas/ToolCall/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data4.function !== undefined){
let data7 = data4.function;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.name === undefined){
const err12 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data7.arguments === undefined){
const err13 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/required",keyword:"required",params:{missingProperty: "arguments"},message:"must have required property '"+"arguments"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data7.name !== undefined){
if(typeof data7.name !== "string"){
const err14 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/name",schemaPath:"#/components/schemas/ToolCall/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data7.arguments !== undefined){
if(typeof data7.arguments !== "string"){
const err15 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/arguments",schemaPath:"#/components/schemas/ToolCall/properties/function/properties/arguments/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/type",keyword:"type",params:{type: "object"},message:"must be object"};
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
else {
const err18 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var _valid1 = _errs15 === errors;
if(_valid1){
valid4 = true;
passing1 = 0;
}
const _errs30 = errors;
if(data3 !== null){
const err19 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid1 = _errs30 === errors;
if(_valid1 && valid4){
valid4 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid4 = true;
passing1 = 1;
}
}
if(!valid4){
const err20 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
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
}
if(data.tool_call_id !== undefined){
let data10 = data.tool_call_id;
if((typeof data10 !== "string") && (data10 !== null)){
const err21 = {instancePath:instancePath+"/tool_call_id",schemaPath:"#/properties/tool_call_id/type",keyword:"type",params:{type: schema33.properties.tool_call_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.refusal !== undefined){
let data11 = data.refusal;
if((typeof data11 !== "string") && (data11 !== null)){
const err22 = {instancePath:instancePath+"/refusal",schemaPath:"#/properties/refusal/type",keyword:"type",params:{type: schema33.properties.refusal.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.name !== undefined){
let data12 = data.name;
if((typeof data12 !== "string") && (data12 !== null)){
const err23 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: schema33.properties.name.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.reasoning_content !== undefined){
let data13 = data.reasoning_content;
if((typeof data13 !== "string") && (data13 !== null)){
const err24 = {instancePath:instancePath+"/reasoning_content",schemaPath:"#/properties/reasoning_content/type",keyword:"type",params:{type: schema33.properties.reasoning_content.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.annotations !== undefined){
let data14 = data.annotations;
if((!(Array.isArray(data14))) && (data14 !== null)){
const err25 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/type",keyword:"type",params:{type: schema33.properties.annotations.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.thinking_blocks !== undefined){
let data15 = data.thinking_blocks;
const _errs43 = errors;
let valid10 = false;
let passing2 = null;
const _errs44 = errors;
if(Array.isArray(data15)){
const len2 = data15.length;
for(let i2=0; i2<len2; i2++){
if(!(validate25(data15[i2], {instancePath:instancePath+"/thinking_blocks/" + i2,parentData:data15,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
}
else {
const err26 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid2 = _errs44 === errors;
if(_valid2){
valid10 = true;
passing2 = 0;
}
const _errs47 = errors;
if(data15 !== null){
const err27 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var _valid2 = _errs47 === errors;
if(_valid2 && valid10){
valid10 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid10 = true;
passing2 = 1;
}
}
if(!valid10){
const err28 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
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
}
}
else {
const err29 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.function === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if("function" !== data0){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.function !== undefined){
let data1 = data.function;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.name === undefined){
const err4 = {instancePath:instancePath+"/function",schemaPath:"#/components/schemas/FunctionDefinition/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1.name !== undefined){
let data2 = data1.name;
if(typeof data2 === "string"){
if(func1(data2) < 1){
const err5 = {instancePath:instancePath+"/function/name",schemaPath:"#/components/schemas/FunctionDefinition/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/function/name",schemaPath:"#/components/schemas/FunctionDefinition/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.description !== undefined){
let data3 = data1.description;
if((typeof data3 !== "string") && (data3 !== null)){
const err7 = {instancePath:instancePath+"/function/description",schemaPath:"#/components/schemas/FunctionDefinition/properties/description/type",keyword:"type",params:{type: schema49.properties.description.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.parameters !== undefined){
let data4 = data1.parameters;
if((!(data4 && typeof data4 == "object" && !Array.isArray(data4))) && (data4 !== null)){
const err8 = {instancePath:instancePath+"/function/parameters",schemaPath:"#/components/schemas/FunctionDefinition/properties/parameters/type",keyword:"type",params:{type: schema49.properties.parameters.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.strict !== undefined){
let data5 = data1.strict;
if((typeof data5 !== "boolean") && (data5 !== null)){
const err9 = {instancePath:instancePath+"/function/strict",schemaPath:"#/components/schemas/FunctionDefinition/properties/strict/type",keyword:"type",params:{type: schema49.properties.strict.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/function",schemaPath:"#/components/schemas/FunctionDefinition/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.messages === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "messages"},message:"must have required property '"+"messages"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.messages !== undefined){
let data0 = data.messages;
if(Array.isArray(data0)){
if(data0.length < 1){
const err1 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate22(data0[i0], {instancePath:instancePath+"/messages/" + i0,parentData:data0,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.temperature !== undefined){
let data2 = data.temperature;
if((!((typeof data2 == "number") && (isFinite(data2)))) && (data2 !== null)){
const err3 = {instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/type",keyword:"type",params:{type: schema43.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 2 || isNaN(data2)){
const err4 = {instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2 < 0 || isNaN(data2)){
const err5 = {instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
if(data.top_p !== undefined){
let data3 = data.top_p;
if((!((typeof data3 == "number") && (isFinite(data3)))) && (data3 !== null)){
const err6 = {instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/type",keyword:"type",params:{type: schema44.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 1 || isNaN(data3)){
const err7 = {instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data3 < 0 || isNaN(data3)){
const err8 = {instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
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
if(data.n !== undefined){
let data4 = data.n;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
const err9 = {instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/type",keyword:"type",params:{type: schema45.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 128 || isNaN(data4)){
const err10 = {instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data5 = data.stop;
const _errs16 = errors;
let valid7 = false;
let passing0 = null;
const _errs17 = errors;
if(typeof data5 !== "string"){
const err12 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid0 = _errs17 === errors;
if(_valid0){
valid7 = true;
passing0 = 0;
}
const _errs19 = errors;
if(Array.isArray(data5)){
if(data5.length < 1){
const err13 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
if(typeof data5[i1] !== "string"){
const err14 = {instancePath:instancePath+"/stop/" + i1,schemaPath:"#/components/schemas/Stop/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid0 = _errs19 === errors;
if(_valid0 && valid7){
valid7 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid7 = true;
passing0 = 1;
}
const _errs23 = errors;
if(data5 !== null){
const err16 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid0 = _errs23 === errors;
if(_valid0 && valid7){
valid7 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid7 = true;
passing0 = 2;
}
}
}
if(!valid7){
const err17 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
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
}
if(data.max_tokens !== undefined){
let data7 = data.max_tokens;
if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (data7 !== null)){
const err18 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/components/schemas/MaxTokens/type",keyword:"type",params:{type: schema47.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 1 || isNaN(data7)){
const err19 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/components/schemas/MaxTokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data.stream !== undefined){
let data8 = data.stream;
if((typeof data8 !== "boolean") && (data8 !== null)){
const err20 = {instancePath:instancePath+"/stream",schemaPath:"#/properties/stream/type",keyword:"type",params:{type: schema32.properties.stream.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.stream_options !== undefined){
let data9 = data.stream_options;
if((!(data9 && typeof data9 == "object" && !Array.isArray(data9))) && (data9 !== null)){
const err21 = {instancePath:instancePath+"/stream_options",schemaPath:"#/properties/stream_options/type",keyword:"type",params:{type: schema32.properties.stream_options.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err22 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.tools !== undefined){
let data11 = data.tools;
if((!(Array.isArray(data11))) && (data11 !== null)){
const err23 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: schema32.properties.tools.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(Array.isArray(data11)){
const len2 = data11.length;
for(let i2=0; i2<len2; i2++){
if(!(validate28(data11[i2], {instancePath:instancePath+"/tools/" + i2,parentData:data11,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
}
}
if(data.tool_choice !== undefined){
let data13 = data.tool_choice;
const _errs39 = errors;
let valid13 = false;
let passing1 = null;
const _errs40 = errors;
if(typeof data13 !== "string"){
const err24 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var _valid1 = _errs40 === errors;
if(_valid1){
valid13 = true;
passing1 = 0;
}
const _errs42 = errors;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
}
else {
const err25 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var _valid1 = _errs42 === errors;
if(_valid1 && valid13){
valid13 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid13 = true;
passing1 = 1;
}
const _errs45 = errors;
if(data13 !== null){
const err26 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid1 = _errs45 === errors;
if(_valid1 && valid13){
valid13 = false;
passing1 = [passing1, 2];
}
else {
if(_valid1){
valid13 = true;
passing1 = 2;
}
}
}
if(!valid13){
const err27 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
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
}
}
else {
const err28 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prompt"},message:"must have required property '"+"prompt"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.prompt !== undefined){
let data0 = data.prompt;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
const _errs6 = errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err2 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(typeof data0[i0] !== "string"){
const err3 = {instancePath:instancePath+"/prompt/" + i0,schemaPath:"#/properties/prompt/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
var items0 = true;
}
const _errs10 = errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err5 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/2/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
const len1 = data0.length;
for(let i1=0; i1<len1; i1++){
let data2 = data0[i1];
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/prompt/" + i1,schemaPath:"#/properties/prompt/anyOf/2/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
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
else {
const err7 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/2/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
if(items0 !== true){
items0 = true;
}
}
const _errs14 = errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err8 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/3/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const len2 = data0.length;
for(let i2=0; i2<len2; i2++){
let data3 = data0[i2];
if(Array.isArray(data3)){
if(data3.length < 1){
const err9 = {instancePath:instancePath+"/prompt/" + i2,schemaPath:"#/properties/prompt/anyOf/3/items/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const len3 = data3.length;
for(let i3=0; i3<len3; i3++){
let data4 = data3[i3];
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err10 = {instancePath:instancePath+"/prompt/" + i2+"/" + i3,schemaPath:"#/properties/prompt/anyOf/3/items/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/prompt/" + i2,schemaPath:"#/properties/prompt/anyOf/3/items/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf/3/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid0 = _errs14 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
if(items0 !== true){
items0 = true;
}
}
if(!valid1){
const err13 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
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
}
if(data.temperature !== undefined){
let data5 = data.temperature;
if((!((typeof data5 == "number") && (isFinite(data5)))) && (data5 !== null)){
const err14 = {instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/type",keyword:"type",params:{type: schema43.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 2 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err16 = {instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.top_p !== undefined){
let data6 = data.top_p;
if((!((typeof data6 == "number") && (isFinite(data6)))) && (data6 !== null)){
const err17 = {instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/type",keyword:"type",params:{type: schema44.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 1 || isNaN(data6)){
const err18 = {instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data6 < 0 || isNaN(data6)){
const err19 = {instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data.n !== undefined){
let data7 = data.n;
if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (data7 !== null)){
const err20 = {instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/type",keyword:"type",params:{type: schema45.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 128 || isNaN(data7)){
const err21 = {instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/maximum",keyword:"maximum",params:{comparison: "<=", limit: 128},message:"must be <= 128"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data7 < 1 || isNaN(data7)){
const err22 = {instancePath:instancePath+"/n",schemaPath:"#/components/schemas/N/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
if(data.stop !== undefined){
let data8 = data.stop;
const _errs31 = errors;
let valid14 = false;
let passing0 = null;
const _errs32 = errors;
if(typeof data8 !== "string"){
const err23 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var _valid1 = _errs32 === errors;
if(_valid1){
valid14 = true;
passing0 = 0;
}
const _errs34 = errors;
if(Array.isArray(data8)){
if(data8.length < 1){
const err24 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
const len4 = data8.length;
for(let i4=0; i4<len4; i4++){
if(typeof data8[i4] !== "string"){
const err25 = {instancePath:instancePath+"/stop/" + i4,schemaPath:"#/components/schemas/Stop/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid1 = _errs34 === errors;
if(_valid1 && valid14){
valid14 = false;
passing0 = [passing0, 1];
}
else {
if(_valid1){
valid14 = true;
passing0 = 1;
}
const _errs38 = errors;
if(data8 !== null){
const err27 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var _valid1 = _errs38 === errors;
if(_valid1 && valid14){
valid14 = false;
passing0 = [passing0, 2];
}
else {
if(_valid1){
valid14 = true;
passing0 = 2;
}
}
}
if(!valid14){
const err28 = {instancePath:instancePath+"/stop",schemaPath:"#/components/schemas/Stop/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
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
}
if(data.max_tokens !== undefined){
let data10 = data.max_tokens;
if((!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) && (data10 !== null)){
const err29 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/components/schemas/MaxTokens/type",keyword:"type",params:{type: schema47.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 1 || isNaN(data10)){
const err30 = {instancePath:instancePath+"/max_tokens",schemaPath:"#/components/schemas/MaxTokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
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
if(data.stream !== undefined){
let data11 = data.stream;
if((typeof data11 !== "boolean") && (data11 !== null)){
const err31 = {instancePath:instancePath+"/stream",schemaPath:"#/properties/stream/type",keyword:"type",params:{type: schema50.properties.stream.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.stream_options !== undefined){
let data12 = data.stream_options;
if((!(data12 && typeof data12 == "object" && !Array.isArray(data12))) && (data12 !== null)){
const err32 = {instancePath:instancePath+"/stream_options",schemaPath:"#/properties/stream_options/type",keyword:"type",params:{type: schema50.properties.stream_options.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err33 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.input === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.input !== undefined){
let data0 = data.input;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(typeof data0 === "string"){
if(func1(data0) < 1){
const err1 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
const _errs6 = errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err3 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(typeof data1 === "string"){
if(func1(data1) < 1){
const err4 = {instancePath:instancePath+"/input/" + i0,schemaPath:"#/properties/input/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/input/" + i0,schemaPath:"#/properties/input/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
var items0 = true;
}
const _errs10 = errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err7 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/2/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len1 = data0.length;
for(let i1=0; i1<len1; i1++){
let data2 = data0[i1];
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err8 = {instancePath:instancePath+"/input/" + i1,schemaPath:"#/properties/input/anyOf/2/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
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
else {
const err9 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/2/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
if(items0 !== true){
items0 = true;
}
}
const _errs14 = errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err10 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/3/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const len2 = data0.length;
for(let i2=0; i2<len2; i2++){
let data3 = data0[i2];
if(Array.isArray(data3)){
if(data3.length < 1){
const err11 = {instancePath:instancePath+"/input/" + i2,schemaPath:"#/properties/input/anyOf/3/items/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const len3 = data3.length;
for(let i3=0; i3<len3; i3++){
let data4 = data3[i3];
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err12 = {instancePath:instancePath+"/input/" + i2+"/" + i3,schemaPath:"#/properties/input/anyOf/3/items/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
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
else {
const err13 = {instancePath:instancePath+"/input/" + i2,schemaPath:"#/properties/input/anyOf/3/items/type",keyword:"type",params:{type: "array"},message:"must be array"};
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
else {
const err14 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf/3/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs14 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
if(items0 !== true){
items0 = true;
}
}
if(!valid1){
const err15 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
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
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err16 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputText/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.text === undefined){
const err1 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputText/required",keyword:"required",params:{missingProperty: "text"},message:"must have required property '"+"text"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputText/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if("input_text" !== data0){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputText/properties/type/const",keyword:"const",params:{allowedValue: "input_text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.text !== undefined){
if(typeof data.text !== "string"){
const err4 = {instancePath:instancePath+"/text",schemaPath:"#/components/schemas/ResponsesInputText/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputText/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err6 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.text === undefined){
const err7 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "text"},message:"must have required property '"+"text"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.type !== undefined){
let data2 = data.type;
if(typeof data2 !== "string"){
const err8 = {instancePath:instancePath+"/type",schemaPath:"#/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if("output_text" !== data2){
const err9 = {instancePath:instancePath+"/type",schemaPath:"#/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "output_text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.text !== undefined){
if(typeof data.text !== "string"){
const err10 = {instancePath:instancePath+"/text",schemaPath:"#/oneOf/1/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.annotations !== undefined){
if(!(Array.isArray(data.annotations))){
const err11 = {instancePath:instancePath+"/annotations",schemaPath:"#/oneOf/1/properties/annotations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err13 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.refusal === undefined){
const err14 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "refusal"},message:"must have required property '"+"refusal"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.type !== undefined){
let data5 = data.type;
if(typeof data5 !== "string"){
const err15 = {instancePath:instancePath+"/type",schemaPath:"#/oneOf/2/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if("refusal" !== data5){
const err16 = {instancePath:instancePath+"/type",schemaPath:"#/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "refusal"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.refusal !== undefined){
if(typeof data.refusal !== "string"){
const err17 = {instancePath:instancePath+"/refusal",schemaPath:"#/oneOf/2/properties/refusal/type",keyword:"type",params:{type: "string"},message:"must be string"};
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
else {
const err18 = {instancePath,schemaPath:"#/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err19 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputImage/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data.image_url === undefined){
const err20 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputImage/required",keyword:"required",params:{missingProperty: "image_url"},message:"must have required property '"+"image_url"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data.type !== undefined){
let data7 = data.type;
if(typeof data7 !== "string"){
const err21 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputImage/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if("input_image" !== data7){
const err22 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputImage/properties/type/const",keyword:"const",params:{allowedValue: "input_image"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.image_url !== undefined){
if(typeof data.image_url !== "string"){
const err23 = {instancePath:instancePath+"/image_url",schemaPath:"#/components/schemas/ResponsesInputImage/properties/image_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.detail !== undefined){
let data9 = data.detail;
if((typeof data9 !== "string") && (data9 !== null)){
const err24 = {instancePath:instancePath+"/detail",schemaPath:"#/components/schemas/ResponsesInputImage/properties/detail/type",keyword:"type",params:{type: schema62.properties.detail.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(!((((data9 === "auto") || (data9 === "low")) || (data9 === "high")) || (data9 === null))){
const err25 = {instancePath:instancePath+"/detail",schemaPath:"#/components/schemas/ResponsesInputImage/properties/detail/enum",keyword:"enum",params:{allowedValues: schema62.properties.detail.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputImage/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err27 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputFile/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data.type !== undefined){
let data10 = data.type;
if(typeof data10 !== "string"){
const err28 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputFile/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if("input_file" !== data10){
const err29 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesInputFile/properties/type/const",keyword:"const",params:{allowedValue: "input_file"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.file_data !== undefined){
if(typeof data.file_data !== "string"){
const err30 = {instancePath:instancePath+"/file_data",schemaPath:"#/components/schemas/ResponsesInputFile/properties/file_data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.file_id !== undefined){
if(typeof data.file_id !== "string"){
const err31 = {instancePath:instancePath+"/file_id",schemaPath:"#/components/schemas/ResponsesInputFile/properties/file_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.filename !== undefined){
if(typeof data.filename !== "string"){
const err32 = {instancePath:instancePath+"/filename",schemaPath:"#/components/schemas/ResponsesInputFile/properties/filename/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.file_url !== undefined){
if(typeof data.file_url !== "string"){
const err33 = {instancePath:instancePath+"/file_url",schemaPath:"#/components/schemas/ResponsesInputFile/properties/file_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/components/schemas/ResponsesInputFile/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
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
const err35 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.content === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if("message" !== data0){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "message"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.role !== undefined){
let data1 = data.role;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!((((data1 === "user") || (data1 === "assistant")) || (data1 === "system")) || (data1 === "developer"))){
const err5 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/enum",keyword:"enum",params:{allowedValues: schema59.properties.role.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.content !== undefined){
let data2 = data.content;
const _errs7 = errors;
let valid1 = false;
let passing0 = null;
const _errs8 = errors;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid0 = _errs8 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs10 = errors;
if(Array.isArray(data2)){
if(data2.length < 1){
const err7 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
if(!(validate35(data2[i0], {instancePath:instancePath+"/content/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
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
const err9 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
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
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCall/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.call_id === undefined){
const err1 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCall/required",keyword:"required",params:{missingProperty: "call_id"},message:"must have required property '"+"call_id"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.name === undefined){
const err2 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCall/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.arguments === undefined){
const err3 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCall/required",keyword:"required",params:{missingProperty: "arguments"},message:"must have required property '"+"arguments"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err4 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if("function_call" !== data0){
const err5 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/type/const",keyword:"const",params:{allowedValue: "function_call"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.call_id !== undefined){
if(typeof data.call_id !== "string"){
const err6 = {instancePath:instancePath+"/call_id",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/call_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.arguments !== undefined){
if(typeof data.arguments !== "string"){
const err8 = {instancePath:instancePath+"/arguments",schemaPath:"#/components/schemas/ResponsesFunctionCall/properties/arguments/type",keyword:"type",params:{type: "string"},message:"must be string"};
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
else {
const err9 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err10 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.call_id === undefined){
const err11 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/required",keyword:"required",params:{missingProperty: "call_id"},message:"must have required property '"+"call_id"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.output === undefined){
const err12 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/required",keyword:"required",params:{missingProperty: "output"},message:"must have required property '"+"output"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.type !== undefined){
let data4 = data.type;
if(typeof data4 !== "string"){
const err13 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if("function_call_output" !== data4){
const err14 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/type/const",keyword:"const",params:{allowedValue: "function_call_output"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.call_id !== undefined){
if(typeof data.call_id !== "string"){
const err15 = {instancePath:instancePath+"/call_id",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/call_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.output !== undefined){
let data6 = data.output;
const _errs23 = errors;
let valid5 = false;
let passing1 = null;
const _errs24 = errors;
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/output",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid1 = _errs24 === errors;
if(_valid1){
valid5 = true;
passing1 = 0;
}
const _errs26 = errors;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
const _errs29 = errors;
let valid8 = false;
let passing2 = null;
const _errs30 = errors;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.type === undefined){
const err17 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data7.text === undefined){
const err18 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/required",keyword:"required",params:{missingProperty: "text"},message:"must have required property '"+"text"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data7.type !== undefined){
let data8 = data7.type;
if(typeof data8 !== "string"){
const err19 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if("input_text" !== data8){
const err20 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "input_text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data7.text !== undefined){
if(typeof data7.text !== "string"){
const err21 = {instancePath:instancePath+"/output/" + i0+"/text",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid2 = _errs30 === errors;
if(_valid2){
valid8 = true;
passing2 = 0;
var props1 = {};
props1.type = true;
props1.text = true;
}
const _errs36 = errors;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.type === undefined){
const err23 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data7.image_url === undefined){
const err24 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/required",keyword:"required",params:{missingProperty: "image_url"},message:"must have required property '"+"image_url"+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data7.type !== undefined){
let data10 = data7.type;
if(typeof data10 !== "string"){
const err25 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if("input_image" !== data10){
const err26 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "input_image"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data7.image_url !== undefined){
if(typeof data7.image_url !== "string"){
const err27 = {instancePath:instancePath+"/output/" + i0+"/image_url",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/image_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data7.detail !== undefined){
let data12 = data7.detail;
if((typeof data12 !== "string") && (data12 !== null)){
const err28 = {instancePath:instancePath+"/output/" + i0+"/detail",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/detail/type",keyword:"type",params:{type: schema65.properties.output.oneOf[1].items.oneOf[1].properties.detail.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(!((((data12 === "auto") || (data12 === "low")) || (data12 === "high")) || (data12 === null))){
const err29 = {instancePath:instancePath+"/output/" + i0+"/detail",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/properties/detail/enum",keyword:"enum",params:{allowedValues: schema65.properties.output.oneOf[1].items.oneOf[1].properties.detail.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var _valid2 = _errs36 === errors;
if(_valid2 && valid8){
valid8 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid8 = true;
passing2 = 1;
if(props1 !== true){
props1 = props1 || {};
props1.type = true;
props1.image_url = true;
props1.detail = true;
}
}
const _errs44 = errors;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.type === undefined){
const err31 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data7.type !== undefined){
let data13 = data7.type;
if(typeof data13 !== "string"){
const err32 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if("input_file" !== data13){
const err33 = {instancePath:instancePath+"/output/" + i0+"/type",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "input_file"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data7.file_data !== undefined){
if(typeof data7.file_data !== "string"){
const err34 = {instancePath:instancePath+"/output/" + i0+"/file_data",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/file_data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data7.file_id !== undefined){
if(typeof data7.file_id !== "string"){
const err35 = {instancePath:instancePath+"/output/" + i0+"/file_id",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/file_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data7.filename !== undefined){
if(typeof data7.filename !== "string"){
const err36 = {instancePath:instancePath+"/output/" + i0+"/filename",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/filename/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data7.file_url !== undefined){
if(typeof data7.file_url !== "string"){
const err37 = {instancePath:instancePath+"/output/" + i0+"/file_url",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/properties/file_url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var _valid2 = _errs44 === errors;
if(_valid2 && valid8){
valid8 = false;
passing2 = [passing2, 2];
}
else {
if(_valid2){
valid8 = true;
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
if(!valid8){
const err39 = {instancePath:instancePath+"/output/" + i0,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
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
}
}
else {
const err40 = {instancePath:instancePath+"/output",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
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
const err41 = {instancePath:instancePath+"/output",schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/properties/output/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
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
}
}
else {
const err42 = {instancePath,schemaPath:"#/components/schemas/ResponsesFunctionCallOutput/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err43 = {instancePath,schemaPath:"#/components/schemas/ResponsesReasoningInput/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(data.type !== undefined){
let data18 = data.type;
if(typeof data18 !== "string"){
const err44 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesReasoningInput/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if("reasoning" !== data18){
const err45 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesReasoningInput/properties/type/const",keyword:"const",params:{allowedValue: "reasoning"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.encrypted_content !== undefined){
let data19 = data.encrypted_content;
if((typeof data19 !== "string") && (data19 !== null)){
const err46 = {instancePath:instancePath+"/encrypted_content",schemaPath:"#/components/schemas/ResponsesReasoningInput/properties/encrypted_content/type",keyword:"type",params:{type: schema66.properties.encrypted_content.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath,schemaPath:"#/components/schemas/ResponsesReasoningInput/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err48 = {instancePath,schemaPath:"#/components/schemas/ResponsesWebSearchCallInput/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(data.type !== undefined){
let data20 = data.type;
if(typeof data20 !== "string"){
const err49 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesWebSearchCallInput/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if("web_search_call" !== data20){
const err50 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesWebSearchCallInput/properties/type/const",keyword:"const",params:{allowedValue: "web_search_call"},message:"must be equal to constant"};
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
else {
const err51 = {instancePath,schemaPath:"#/components/schemas/ResponsesWebSearchCallInput/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err52 = {instancePath,schemaPath:"#/components/schemas/ResponsesItemReference/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data.id === undefined){
const err53 = {instancePath,schemaPath:"#/components/schemas/ResponsesItemReference/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "type") || (key0 === "id"))){
const err54 = {instancePath,schemaPath:"#/components/schemas/ResponsesItemReference/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data.type !== undefined){
let data21 = data.type;
if(typeof data21 !== "string"){
const err55 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesItemReference/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if("item_reference" !== data21){
const err56 = {instancePath:instancePath+"/type",schemaPath:"#/components/schemas/ResponsesItemReference/properties/type/const",keyword:"const",params:{allowedValue: "item_reference"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data.id !== undefined){
if(typeof data.id !== "string"){
const err57 = {instancePath:instancePath+"/id",schemaPath:"#/components/schemas/ResponsesItemReference/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
else {
const err58 = {instancePath,schemaPath:"#/components/schemas/ResponsesItemReference/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
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
const err59 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.model === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.input === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err2 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.input !== undefined){
let data1 = data.input;
const _errs5 = errors;
let valid1 = false;
let passing0 = null;
const _errs6 = errors;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs6 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs8 = errors;
if(Array.isArray(data1)){
if(data1.length < 1){
const err4 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(!(validate33(data1[i0], {instancePath:instancePath+"/input/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
}
}
else {
const err5 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
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
const err6 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
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
}
if(data.instructions !== undefined){
let data3 = data.instructions;
if((typeof data3 !== "string") && (data3 !== null)){
const err7 = {instancePath:instancePath+"/instructions",schemaPath:"#/properties/instructions/type",keyword:"type",params:{type: schema57.properties.instructions.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.max_output_tokens !== undefined){
let data4 = data.max_output_tokens;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
const err8 = {instancePath:instancePath+"/max_output_tokens",schemaPath:"#/properties/max_output_tokens/type",keyword:"type",params:{type: schema57.properties.max_output_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 1 || isNaN(data4)){
const err9 = {instancePath:instancePath+"/max_output_tokens",schemaPath:"#/properties/max_output_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.temperature !== undefined){
let data5 = data.temperature;
if((!((typeof data5 == "number") && (isFinite(data5)))) && (data5 !== null)){
const err10 = {instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/type",keyword:"type",params:{type: schema43.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 2 || isNaN(data5)){
const err11 = {instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err12 = {instancePath:instancePath+"/temperature",schemaPath:"#/components/schemas/Temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
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
if(data.top_p !== undefined){
let data6 = data.top_p;
if((!((typeof data6 == "number") && (isFinite(data6)))) && (data6 !== null)){
const err13 = {instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/type",keyword:"type",params:{type: schema44.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 1 || isNaN(data6)){
const err14 = {instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data6 < 0 || isNaN(data6)){
const err15 = {instancePath:instancePath+"/top_p",schemaPath:"#/components/schemas/TopP/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.stream !== undefined){
let data7 = data.stream;
if((typeof data7 !== "boolean") && (data7 !== null)){
const err16 = {instancePath:instancePath+"/stream",schemaPath:"#/properties/stream/type",keyword:"type",params:{type: schema57.properties.stream.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.stream_options !== undefined){
let data8 = data.stream_options;
if((!(data8 && typeof data8 == "object" && !Array.isArray(data8))) && (data8 !== null)){
const err17 = {instancePath:instancePath+"/stream_options",schemaPath:"#/properties/stream_options/type",keyword:"type",params:{type: schema57.properties.stream_options.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.tools !== undefined){
let data9 = data.tools;
if((!(Array.isArray(data9))) && (data9 !== null)){
const err18 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: schema57.properties.tools.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(Array.isArray(data9)){
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
const _errs29 = errors;
let valid8 = false;
let passing1 = null;
const _errs30 = errors;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.type === undefined){
const err19 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesFunctionTool/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data10.name === undefined){
const err20 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesFunctionTool/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key0 in data10){
if(!(((((key0 === "type") || (key0 === "name")) || (key0 === "description")) || (key0 === "parameters")) || (key0 === "strict"))){
const err21 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesFunctionTool/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data10.type !== undefined){
let data11 = data10.type;
if(typeof data11 !== "string"){
const err22 = {instancePath:instancePath+"/tools/" + i1+"/type",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if("function" !== data11){
const err23 = {instancePath:instancePath+"/tools/" + i1+"/type",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data10.name !== undefined){
let data12 = data10.name;
if(typeof data12 === "string"){
if(func1(data12) < 1){
const err24 = {instancePath:instancePath+"/tools/" + i1+"/name",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/tools/" + i1+"/name",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data10.description !== undefined){
let data13 = data10.description;
if((typeof data13 !== "string") && (data13 !== null)){
const err26 = {instancePath:instancePath+"/tools/" + i1+"/description",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/description/type",keyword:"type",params:{type: schema71.properties.description.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data10.parameters !== undefined){
let data14 = data10.parameters;
if((!(data14 && typeof data14 == "object" && !Array.isArray(data14))) && (data14 !== null)){
const err27 = {instancePath:instancePath+"/tools/" + i1+"/parameters",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/parameters/type",keyword:"type",params:{type: schema71.properties.parameters.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data10.strict !== undefined){
let data15 = data10.strict;
if((typeof data15 !== "boolean") && (data15 !== null)){
const err28 = {instancePath:instancePath+"/tools/" + i1+"/strict",schemaPath:"#/components/schemas/ResponsesFunctionTool/properties/strict/type",keyword:"type",params:{type: schema71.properties.strict.type},message:"must be boolean,null"};
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
else {
const err29 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesFunctionTool/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
var _valid1 = _errs30 === errors;
if(_valid1){
valid8 = true;
passing1 = 0;
var props1 = true;
}
const _errs45 = errors;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.type === undefined){
const err30 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesWebSearchTool/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
for(const key1 in data10){
if(!((((((key1 === "type") || (key1 === "search_context_size")) || (key1 === "user_location")) || (key1 === "filters")) || (key1 === "external_web_access")) || (key1 === "search_content_types"))){
const err31 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesWebSearchTool/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data10.type !== undefined){
let data16 = data10.type;
if(typeof data16 !== "string"){
const err32 = {instancePath:instancePath+"/tools/" + i1+"/type",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!((((data16 === "web_search") || (data16 === "web_search_2025_08_26")) || (data16 === "web_search_preview")) || (data16 === "web_search_preview_2025_03_11"))){
const err33 = {instancePath:instancePath+"/tools/" + i1+"/type",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/type/enum",keyword:"enum",params:{allowedValues: schema72.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data10.search_context_size !== undefined){
let data17 = data10.search_context_size;
if((typeof data17 !== "string") && (data17 !== null)){
const err34 = {instancePath:instancePath+"/tools/" + i1+"/search_context_size",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_context_size/type",keyword:"type",params:{type: schema72.properties.search_context_size.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(!((((data17 === "low") || (data17 === "medium")) || (data17 === "high")) || (data17 === null))){
const err35 = {instancePath:instancePath+"/tools/" + i1+"/search_context_size",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_context_size/enum",keyword:"enum",params:{allowedValues: schema72.properties.search_context_size.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data10.user_location !== undefined){
let data18 = data10.user_location;
if((!(data18 && typeof data18 == "object" && !Array.isArray(data18))) && (data18 !== null)){
const err36 = {instancePath:instancePath+"/tools/" + i1+"/user_location",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/type",keyword:"type",params:{type: schema72.properties.user_location.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
for(const key2 in data18){
if(!(((((key2 === "type") || (key2 === "city")) || (key2 === "country")) || (key2 === "region")) || (key2 === "timezone"))){
const err37 = {instancePath:instancePath+"/tools/" + i1+"/user_location",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data18.type !== undefined){
let data19 = data18.type;
if(typeof data19 !== "string"){
const err38 = {instancePath:instancePath+"/tools/" + i1+"/user_location/type",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if("approximate" !== data19){
const err39 = {instancePath:instancePath+"/tools/" + i1+"/user_location/type",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/type/const",keyword:"const",params:{allowedValue: "approximate"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data18.city !== undefined){
let data20 = data18.city;
if((typeof data20 !== "string") && (data20 !== null)){
const err40 = {instancePath:instancePath+"/tools/" + i1+"/user_location/city",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/city/type",keyword:"type",params:{type: schema72.properties.user_location.properties.city.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data18.country !== undefined){
let data21 = data18.country;
if((typeof data21 !== "string") && (data21 !== null)){
const err41 = {instancePath:instancePath+"/tools/" + i1+"/user_location/country",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/country/type",keyword:"type",params:{type: schema72.properties.user_location.properties.country.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data18.region !== undefined){
let data22 = data18.region;
if((typeof data22 !== "string") && (data22 !== null)){
const err42 = {instancePath:instancePath+"/tools/" + i1+"/user_location/region",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/region/type",keyword:"type",params:{type: schema72.properties.user_location.properties.region.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data18.timezone !== undefined){
let data23 = data18.timezone;
if((typeof data23 !== "string") && (data23 !== null)){
const err43 = {instancePath:instancePath+"/tools/" + i1+"/user_location/timezone",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/user_location/properties/timezone/type",keyword:"type",params:{type: schema72.properties.user_location.properties.timezone.type},message:"must be string,null"};
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
if(data10.filters !== undefined){
let data24 = data10.filters;
if((!(data24 && typeof data24 == "object" && !Array.isArray(data24))) && (data24 !== null)){
const err44 = {instancePath:instancePath+"/tools/" + i1+"/filters",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/type",keyword:"type",params:{type: schema72.properties.filters.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
for(const key3 in data24){
if(!((key3 === "allowed_domains") || (key3 === "blocked_domains"))){
const err45 = {instancePath:instancePath+"/tools/" + i1+"/filters",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data24.allowed_domains !== undefined){
let data25 = data24.allowed_domains;
if((!(Array.isArray(data25))) && (data25 !== null)){
const err46 = {instancePath:instancePath+"/tools/" + i1+"/filters/allowed_domains",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/properties/allowed_domains/type",keyword:"type",params:{type: schema72.properties.filters.properties.allowed_domains.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(Array.isArray(data25)){
const len2 = data25.length;
for(let i2=0; i2<len2; i2++){
if(typeof data25[i2] !== "string"){
const err47 = {instancePath:instancePath+"/tools/" + i1+"/filters/allowed_domains/" + i2,schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/properties/allowed_domains/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
}
if(data24.blocked_domains !== undefined){
let data27 = data24.blocked_domains;
if((!(Array.isArray(data27))) && (data27 !== null)){
const err48 = {instancePath:instancePath+"/tools/" + i1+"/filters/blocked_domains",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/properties/blocked_domains/type",keyword:"type",params:{type: schema72.properties.filters.properties.blocked_domains.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(Array.isArray(data27)){
const len3 = data27.length;
for(let i3=0; i3<len3; i3++){
if(typeof data27[i3] !== "string"){
const err49 = {instancePath:instancePath+"/tools/" + i1+"/filters/blocked_domains/" + i3,schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/filters/properties/blocked_domains/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
}
}
}
if(data10.external_web_access !== undefined){
let data29 = data10.external_web_access;
if((typeof data29 !== "boolean") && (data29 !== null)){
const err50 = {instancePath:instancePath+"/tools/" + i1+"/external_web_access",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/external_web_access/type",keyword:"type",params:{type: schema72.properties.external_web_access.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data10.search_content_types !== undefined){
let data30 = data10.search_content_types;
if((!(Array.isArray(data30))) && (data30 !== null)){
const err51 = {instancePath:instancePath+"/tools/" + i1+"/search_content_types",schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_content_types/type",keyword:"type",params:{type: schema72.properties.search_content_types.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(Array.isArray(data30)){
const len4 = data30.length;
for(let i4=0; i4<len4; i4++){
let data31 = data30[i4];
if(typeof data31 !== "string"){
const err52 = {instancePath:instancePath+"/tools/" + i1+"/search_content_types/" + i4,schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_content_types/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(!((data31 === "text") || (data31 === "image"))){
const err53 = {instancePath:instancePath+"/tools/" + i1+"/search_content_types/" + i4,schemaPath:"#/components/schemas/ResponsesWebSearchTool/properties/search_content_types/items/enum",keyword:"enum",params:{allowedValues: schema72.properties.search_content_types.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
}
}
else {
const err54 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/components/schemas/ResponsesWebSearchTool/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
var _valid1 = _errs45 === errors;
if(_valid1 && valid8){
valid8 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid8 = true;
passing1 = 1;
if(props1 !== true){
props1 = true;
}
}
}
if(!valid8){
const err55 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
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
}
}
}
if(data.tool_choice !== undefined){
let data32 = data.tool_choice;
const _errs84 = errors;
let valid21 = false;
let passing2 = null;
const _errs85 = errors;
if(typeof data32 !== "string"){
const err56 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(!(((data32 === "auto") || (data32 === "none")) || (data32 === "required"))){
const err57 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/0/enum",keyword:"enum",params:{allowedValues: schema57.properties.tool_choice.oneOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
var _valid2 = _errs85 === errors;
if(_valid2){
valid21 = true;
passing2 = 0;
}
const _errs87 = errors;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.type === undefined){
const err58 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(data32.name === undefined){
const err59 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/1/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if(data32.type !== undefined){
let data33 = data32.type;
if(typeof data33 !== "string"){
const err60 = {instancePath:instancePath+"/tool_choice/type",schemaPath:"#/properties/tool_choice/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if("function" !== data33){
const err61 = {instancePath:instancePath+"/tool_choice/type",schemaPath:"#/properties/tool_choice/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data32.name !== undefined){
if(typeof data32.name !== "string"){
const err62 = {instancePath:instancePath+"/tool_choice/name",schemaPath:"#/properties/tool_choice/oneOf/1/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
var _valid2 = _errs87 === errors;
if(_valid2 && valid21){
valid21 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid21 = true;
passing2 = 1;
var props2 = {};
props2.type = true;
props2.name = true;
}
const _errs93 = errors;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.type === undefined){
const err64 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/2/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
for(const key4 in data32){
if(!(key4 === "type")){
const err65 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/2/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data32.type !== undefined){
let data35 = data32.type;
if(typeof data35 !== "string"){
const err66 = {instancePath:instancePath+"/tool_choice/type",schemaPath:"#/properties/tool_choice/oneOf/2/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(!((((data35 === "web_search") || (data35 === "web_search_2025_08_26")) || (data35 === "web_search_preview")) || (data35 === "web_search_preview_2025_03_11"))){
const err67 = {instancePath:instancePath+"/tool_choice/type",schemaPath:"#/properties/tool_choice/oneOf/2/properties/type/enum",keyword:"enum",params:{allowedValues: schema57.properties.tool_choice.oneOf[2].properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
var _valid2 = _errs93 === errors;
if(_valid2 && valid21){
valid21 = false;
passing2 = [passing2, 2];
}
else {
if(_valid2){
valid21 = true;
passing2 = 2;
if(props2 !== true){
props2 = true;
}
}
const _errs98 = errors;
if(data32 !== null){
const err69 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf/3/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
var _valid2 = _errs98 === errors;
if(_valid2 && valid21){
valid21 = false;
passing2 = [passing2, 3];
}
else {
if(_valid2){
valid21 = true;
passing2 = 3;
}
}
}
}
if(!valid21){
const err70 = {instancePath:instancePath+"/tool_choice",schemaPath:"#/properties/tool_choice/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
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
}
if(data.parallel_tool_calls !== undefined){
let data36 = data.parallel_tool_calls;
if((typeof data36 !== "boolean") && (data36 !== null)){
const err71 = {instancePath:instancePath+"/parallel_tool_calls",schemaPath:"#/properties/parallel_tool_calls/type",keyword:"type",params:{type: schema57.properties.parallel_tool_calls.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data.text !== undefined){
let data37 = data.text;
if((!(data37 && typeof data37 == "object" && !Array.isArray(data37))) && (data37 !== null)){
const err72 = {instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: schema57.properties.text.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
for(const key5 in data37){
if(!((key5 === "format") || (key5 === "verbosity"))){
const err73 = {instancePath:instancePath+"/text",schemaPath:"#/properties/text/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data37.format !== undefined){
let data38 = data37.format;
const _errs107 = errors;
let valid26 = false;
let passing3 = null;
const _errs108 = errors;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(data38.type === undefined){
const err74 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/0/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(data38.type !== undefined){
let data39 = data38.type;
if(typeof data39 !== "string"){
const err75 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/0/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if("text" !== data39){
const err76 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "text"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
else {
const err77 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
var _valid3 = _errs108 === errors;
if(_valid3){
valid26 = true;
passing3 = 0;
var props3 = {};
props3.type = true;
}
const _errs112 = errors;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(data38.type === undefined){
const err78 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if(data38.type !== undefined){
let data40 = data38.type;
if(typeof data40 !== "string"){
const err79 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
if("json_object" !== data40){
const err80 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "json_object"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
else {
const err81 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
var _valid3 = _errs112 === errors;
if(_valid3 && valid26){
valid26 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid26 = true;
passing3 = 1;
if(props3 !== true){
props3 = props3 || {};
props3.type = true;
}
}
const _errs116 = errors;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(data38.type === undefined){
const err82 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
if(data38.name === undefined){
const err83 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(data38.schema === undefined){
const err84 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/required",keyword:"required",params:{missingProperty: "schema"},message:"must have required property '"+"schema"+"'"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if(data38.type !== undefined){
let data41 = data38.type;
if(typeof data41 !== "string"){
const err85 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if("json_schema" !== data41){
const err86 = {instancePath:instancePath+"/text/format/type",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "json_schema"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data38.name !== undefined){
if(typeof data38.name !== "string"){
const err87 = {instancePath:instancePath+"/text/format/name",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data38.description !== undefined){
let data43 = data38.description;
if((typeof data43 !== "string") && (data43 !== null)){
const err88 = {instancePath:instancePath+"/text/format/description",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/description/type",keyword:"type",params:{type: schema73.oneOf[2].properties.description.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data38.schema !== undefined){
let data44 = data38.schema;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
}
else {
const err89 = {instancePath:instancePath+"/text/format/schema",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/schema/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data38.strict !== undefined){
let data45 = data38.strict;
if((typeof data45 !== "boolean") && (data45 !== null)){
const err90 = {instancePath:instancePath+"/text/format/strict",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/properties/strict/type",keyword:"type",params:{type: schema73.oneOf[2].properties.strict.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
}
else {
const err91 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
var _valid3 = _errs116 === errors;
if(_valid3 && valid26){
valid26 = false;
passing3 = [passing3, 2];
}
else {
if(_valid3){
valid26 = true;
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
if(!valid26){
const err92 = {instancePath:instancePath+"/text/format",schemaPath:"#/components/schemas/ResponsesTextFormat/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
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
}
if(data37.verbosity !== undefined){
let data46 = data37.verbosity;
if((typeof data46 !== "string") && (data46 !== null)){
const err93 = {instancePath:instancePath+"/text/verbosity",schemaPath:"#/properties/text/properties/verbosity/type",keyword:"type",params:{type: schema57.properties.text.properties.verbosity.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
}
if(data.reasoning !== undefined){
let data47 = data.reasoning;
if((!(data47 && typeof data47 == "object" && !Array.isArray(data47))) && (data47 !== null)){
const err94 = {instancePath:instancePath+"/reasoning",schemaPath:"#/properties/reasoning/type",keyword:"type",params:{type: schema57.properties.reasoning.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
for(const key6 in data47){
if(!((key6 === "effort") || (key6 === "summary"))){
const err95 = {instancePath:instancePath+"/reasoning",schemaPath:"#/properties/reasoning/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data47.effort !== undefined){
let data48 = data47.effort;
if((typeof data48 !== "string") && (data48 !== null)){
const err96 = {instancePath:instancePath+"/reasoning/effort",schemaPath:"#/properties/reasoning/properties/effort/type",keyword:"type",params:{type: schema57.properties.reasoning.properties.effort.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data47.summary !== undefined){
let data49 = data47.summary;
if((typeof data49 !== "string") && (data49 !== null)){
const err97 = {instancePath:instancePath+"/reasoning/summary",schemaPath:"#/properties/reasoning/properties/summary/type",keyword:"type",params:{type: schema57.properties.reasoning.properties.summary.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
}
if(data.user !== undefined){
let data50 = data.user;
if((typeof data50 !== "string") && (data50 !== null)){
const err98 = {instancePath:instancePath+"/user",schemaPath:"#/properties/user/type",keyword:"type",params:{type: schema57.properties.user.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data.metadata !== undefined){
let data51 = data.metadata;
if((!(data51 && typeof data51 == "object" && !Array.isArray(data51))) && (data51 !== null)){
const err99 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: schema57.properties.metadata.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data.store !== undefined){
let data52 = data.store;
if((typeof data52 !== "boolean") && (data52 !== null)){
const err100 = {instancePath:instancePath+"/store",schemaPath:"#/properties/store/type",keyword:"type",params:{type: schema57.properties.store.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data.include !== undefined){
let data53 = data.include;
if((!(Array.isArray(data53))) && (data53 !== null)){
const err101 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/type",keyword:"type",params:{type: schema57.properties.include.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
if(Array.isArray(data53)){
const len5 = data53.length;
for(let i5=0; i5<len5; i5++){
if(typeof data53[i5] !== "string"){
const err102 = {instancePath:instancePath+"/include/" + i5,schemaPath:"#/properties/include/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
}
}
if(data.top_logprobs !== undefined){
let data55 = data.top_logprobs;
if((!(((typeof data55 == "number") && (!(data55 % 1) && !isNaN(data55))) && (isFinite(data55)))) && (data55 !== null)){
const err103 = {instancePath:instancePath+"/top_logprobs",schemaPath:"#/properties/top_logprobs/type",keyword:"type",params:{type: schema57.properties.top_logprobs.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data.truncation !== undefined){
let data56 = data.truncation;
if((typeof data56 !== "string") && (data56 !== null)){
const err104 = {instancePath:instancePath+"/truncation",schemaPath:"#/properties/truncation/type",keyword:"type",params:{type: schema57.properties.truncation.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
if(!(((data56 === "auto") || (data56 === "disabled")) || (data56 === null))){
const err105 = {instancePath:instancePath+"/truncation",schemaPath:"#/properties/truncation/enum",keyword:"enum",params:{allowedValues: schema57.properties.truncation.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
if(data.background !== undefined){
let data57 = data.background;
if((typeof data57 !== "boolean") && (data57 !== null)){
const err106 = {instancePath:instancePath+"/background",schemaPath:"#/properties/background/type",keyword:"type",params:{type: schema57.properties.background.type},message:"must be boolean,null"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data.previous_response_id !== undefined){
let data58 = data.previous_response_id;
if((typeof data58 !== "string") && (data58 !== null)){
const err107 = {instancePath:instancePath+"/previous_response_id",schemaPath:"#/properties/previous_response_id/type",keyword:"type",params:{type: schema57.properties.previous_response_id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
else {
const err108 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.content === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.tool_calls === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tool_calls"},message:"must have required property '"+"tool_calls"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.refusal === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "refusal"},message:"must have required property '"+"refusal"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.role !== undefined){
if(typeof data.role !== "string"){
const err4 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.content !== undefined){
let data1 = data.content;
const _errs4 = errors;
let valid1 = false;
let passing0 = null;
const _errs5 = errors;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs5 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs7 = errors;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(!(validate23(data1[i0], {instancePath:instancePath+"/content/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
}
else {
const err6 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
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
const err7 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
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
const err8 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
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
}
if(data.tool_calls !== undefined){
let data3 = data.tool_calls;
const _errs13 = errors;
let valid4 = false;
let passing1 = null;
const _errs14 = errors;
if(Array.isArray(data3)){
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
let data4 = data3[i1];
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.id === undefined){
const err9 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data4.type === undefined){
const err10 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data4.function === undefined){
const err11 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4.id !== undefined){
if(typeof data4.id !== "string"){
const err12 = {instancePath:instancePath+"/tool_calls/" + i1+"/id",schemaPath:"#/components/schemas/ToolCall/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data4.type !== undefined){
let data6 = data4.type;
if(typeof data6 !== "string"){
const err13 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/components/schemas/ToolCall/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if("function" !== data6){
const err14 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/components/schemas/ToolCall/properties/type/const",keyword:"const",params:{allowedValue: "function"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data4.function !== undefined){
let data7 = data4.function;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.name === undefined){
const err15 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data7.arguments === undefined){
const err16 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/required",keyword:"required",params:{missingProperty: "arguments"},message:"must have required property '"+"arguments"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data7.name !== undefined){
if(typeof data7.name !== "string"){
const err17 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/name",schemaPath:"#/components/schemas/ToolCall/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.arguments !== undefined){
if(typeof data7.arguments !== "string"){
const err18 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/arguments",schemaPath:"#/components/schemas/ToolCall/properties/function/properties/arguments/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/components/schemas/ToolCall/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/components/schemas/ToolCall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid1 = _errs14 === errors;
if(_valid1){
valid4 = true;
passing1 = 0;
}
const _errs29 = errors;
if(data3 !== null){
const err22 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid1 = _errs29 === errors;
if(_valid1 && valid4){
valid4 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid4 = true;
passing1 = 1;
}
}
if(!valid4){
const err23 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
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
}
if(data.refusal !== undefined){
let data10 = data.refusal;
if((typeof data10 !== "string") && (data10 !== null)){
const err24 = {instancePath:instancePath+"/refusal",schemaPath:"#/properties/refusal/type",keyword:"type",params:{type: schema76.properties.refusal.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.reasoning_content !== undefined){
let data11 = data.reasoning_content;
if((typeof data11 !== "string") && (data11 !== null)){
const err25 = {instancePath:instancePath+"/reasoning_content",schemaPath:"#/properties/reasoning_content/type",keyword:"type",params:{type: schema76.properties.reasoning_content.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.thinking_blocks !== undefined){
let data12 = data.thinking_blocks;
const _errs36 = errors;
let valid10 = false;
let passing2 = null;
const _errs37 = errors;
if(Array.isArray(data12)){
const len2 = data12.length;
for(let i2=0; i2<len2; i2++){
if(!(validate25(data12[i2], {instancePath:instancePath+"/thinking_blocks/" + i2,parentData:data12,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
}
else {
const err26 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid2 = _errs37 === errors;
if(_valid2){
valid10 = true;
passing2 = 0;
}
const _errs40 = errors;
if(data12 !== null){
const err27 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var _valid2 = _errs40 === errors;
if(_valid2 && valid10){
valid10 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid10 = true;
passing2 = 1;
}
}
if(!valid10){
const err28 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
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
}
if(data.annotations !== undefined){
let data14 = data.annotations;
const _errs43 = errors;
let valid13 = false;
let passing3 = null;
const _errs44 = errors;
if(Array.isArray(data14)){
const len3 = data14.length;
for(let i3=0; i3<len3; i3++){
let data15 = data14[i3];
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.type === undefined){
const err29 = {instancePath:instancePath+"/annotations/" + i3,schemaPath:"#/components/schemas/UrlCitation/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data15.url_citation === undefined){
const err30 = {instancePath:instancePath+"/annotations/" + i3,schemaPath:"#/components/schemas/UrlCitation/required",keyword:"required",params:{missingProperty: "url_citation"},message:"must have required property '"+"url_citation"+"'"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data15.type !== undefined){
let data16 = data15.type;
if(typeof data16 !== "string"){
const err31 = {instancePath:instancePath+"/annotations/" + i3+"/type",schemaPath:"#/components/schemas/UrlCitation/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if("url_citation" !== data16){
const err32 = {instancePath:instancePath+"/annotations/" + i3+"/type",schemaPath:"#/components/schemas/UrlCitation/properties/type/const",keyword:"const",params:{allowedValue: "url_citation"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data15.url_citation !== undefined){
let data17 = data15.url_citation;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.url === undefined){
const err33 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data17.title === undefined){
const err34 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data17.start_index === undefined){
const err35 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: "start_index"},message:"must have required property '"+"start_index"+"'"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data17.end_index === undefined){
const err36 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: "end_index"},message:"must have required property '"+"end_index"+"'"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data17.url !== undefined){
if(typeof data17.url !== "string"){
const err37 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/url",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data17.title !== undefined){
if(typeof data17.title !== "string"){
const err38 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/title",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data17.start_index !== undefined){
let data20 = data17.start_index;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err39 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/start_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/start_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 < 0 || isNaN(data20)){
const err40 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/start_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/start_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
if(data17.end_index !== undefined){
let data21 = data17.end_index;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
const err41 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/end_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/end_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 0 || isNaN(data21)){
const err42 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation/end_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/end_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
}
else {
const err43 = {instancePath:instancePath+"/annotations/" + i3+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/type",keyword:"type",params:{type: "object"},message:"must be object"};
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
else {
const err44 = {instancePath:instancePath+"/annotations/" + i3,schemaPath:"#/components/schemas/UrlCitation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid3 = _errs44 === errors;
if(_valid3){
valid13 = true;
passing3 = 0;
}
const _errs61 = errors;
if(data14 !== null){
const err46 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
var _valid3 = _errs61 === errors;
if(_valid3 && valid13){
valid13 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid13 = true;
passing3 = 1;
}
}
if(!valid13){
const err47 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
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
}
}
else {
const err48 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
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
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema80.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.content !== undefined){
let data0 = data.content;
if((!(Array.isArray(data0))) && (data0 !== null)){
const err1 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: schema80.properties.content.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.token !== undefined){
if(typeof data1.token !== "string"){
const err2 = {instancePath:instancePath+"/content/" + i0+"/token",schemaPath:"#/components/schemas/TokenLogprob/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data1.logprob !== undefined){
let data3 = data1.logprob;
if(!((typeof data3 == "number") && (isFinite(data3)))){
const err3 = {instancePath:instancePath+"/content/" + i0+"/logprob",schemaPath:"#/components/schemas/TokenLogprob/properties/logprob/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.bytes !== undefined){
let data4 = data1.bytes;
if((!(Array.isArray(data4))) && (data4 !== null)){
const err4 = {instancePath:instancePath+"/content/" + i0+"/bytes",schemaPath:"#/components/schemas/TokenLogprob/properties/bytes/type",keyword:"type",params:{type: schema81.properties.bytes.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err5 = {instancePath:instancePath+"/content/" + i0+"/bytes/" + i1,schemaPath:"#/components/schemas/TokenLogprob/properties/bytes/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
}
if(data1.top_logprobs !== undefined){
let data6 = data1.top_logprobs;
if(Array.isArray(data6)){
const len2 = data6.length;
for(let i2=0; i2<len2; i2++){
let data7 = data6[i2];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.token !== undefined){
if(typeof data7.token !== "string"){
const err6 = {instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2+"/token",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data7.logprob !== undefined){
let data9 = data7.logprob;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err7 = {instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2+"/logprob",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/logprob/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data7.bytes !== undefined){
let data10 = data7.bytes;
if((!(Array.isArray(data10))) && (data10 !== null)){
const err8 = {instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2+"/bytes",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/bytes/type",keyword:"type",params:{type: schema81.properties.top_logprobs.items.properties.bytes.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(Array.isArray(data10)){
const len3 = data10.length;
for(let i3=0; i3<len3; i3++){
let data11 = data10[i3];
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err9 = {instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2+"/bytes/" + i3,schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/bytes/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/content/" + i0+"/top_logprobs/" + i2,schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/content/" + i0+"/top_logprobs",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/content/" + i0,schemaPath:"#/components/schemas/TokenLogprob/type",keyword:"type",params:{type: "object"},message:"must be object"};
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
}
if(data.refusal !== undefined){
let data12 = data.refusal;
if((!(Array.isArray(data12))) && (data12 !== null)){
const err13 = {instancePath:instancePath+"/refusal",schemaPath:"#/properties/refusal/type",keyword:"type",params:{type: schema80.properties.refusal.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(Array.isArray(data12)){
const len4 = data12.length;
for(let i4=0; i4<len4; i4++){
let data13 = data12[i4];
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.token !== undefined){
if(typeof data13.token !== "string"){
const err14 = {instancePath:instancePath+"/refusal/" + i4+"/token",schemaPath:"#/components/schemas/TokenLogprob/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data13.logprob !== undefined){
let data15 = data13.logprob;
if(!((typeof data15 == "number") && (isFinite(data15)))){
const err15 = {instancePath:instancePath+"/refusal/" + i4+"/logprob",schemaPath:"#/components/schemas/TokenLogprob/properties/logprob/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data13.bytes !== undefined){
let data16 = data13.bytes;
if((!(Array.isArray(data16))) && (data16 !== null)){
const err16 = {instancePath:instancePath+"/refusal/" + i4+"/bytes",schemaPath:"#/components/schemas/TokenLogprob/properties/bytes/type",keyword:"type",params:{type: schema81.properties.bytes.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(Array.isArray(data16)){
const len5 = data16.length;
for(let i5=0; i5<len5; i5++){
let data17 = data16[i5];
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err17 = {instancePath:instancePath+"/refusal/" + i4+"/bytes/" + i5,schemaPath:"#/components/schemas/TokenLogprob/properties/bytes/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
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
}
if(data13.top_logprobs !== undefined){
let data18 = data13.top_logprobs;
if(Array.isArray(data18)){
const len6 = data18.length;
for(let i6=0; i6<len6; i6++){
let data19 = data18[i6];
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.token !== undefined){
if(typeof data19.token !== "string"){
const err18 = {instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6+"/token",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data19.logprob !== undefined){
let data21 = data19.logprob;
if(!((typeof data21 == "number") && (isFinite(data21)))){
const err19 = {instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6+"/logprob",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/logprob/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data19.bytes !== undefined){
let data22 = data19.bytes;
if((!(Array.isArray(data22))) && (data22 !== null)){
const err20 = {instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6+"/bytes",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/bytes/type",keyword:"type",params:{type: schema81.properties.top_logprobs.items.properties.bytes.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(Array.isArray(data22)){
const len7 = data22.length;
for(let i7=0; i7<len7; i7++){
let data23 = data22[i7];
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
const err21 = {instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6+"/bytes/" + i7,schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/properties/bytes/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
}
}
else {
const err22 = {instancePath:instancePath+"/refusal/" + i4+"/top_logprobs/" + i6,schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/refusal/" + i4+"/top_logprobs",schemaPath:"#/components/schemas/TokenLogprob/properties/top_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/refusal/" + i4,schemaPath:"#/components/schemas/TokenLogprob/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.index === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "index"},message:"must have required property '"+"index"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.message === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.finish_reason === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "finish_reason"},message:"must have required property '"+"finish_reason"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.index !== undefined){
let data0 = data.index;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err3 = {instancePath:instancePath+"/index",schemaPath:"#/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.message !== undefined){
if(!(validate41(data.message, {instancePath:instancePath+"/message",parentData:data,parentDataProperty:"message",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
errors = vErrors.length;
}
}
if(data.finish_reason !== undefined){
let data2 = data.finish_reason;
if((typeof data2 !== "string") && (data2 !== null)){
const err4 = {instancePath:instancePath+"/finish_reason",schemaPath:"#/components/schemas/FinishReason/type",keyword:"type",params:{type: schema79.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.logprobs !== undefined){
if(!(validate45(data.logprobs, {instancePath:instancePath+"/logprobs",parentData:data,parentDataProperty:"logprobs",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
errors = vErrors.length;
}
}
if(data.content_filter_results !== undefined){
let data4 = data.content_filter_results;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
const err5 = {instancePath:instancePath+"/content_filter_results",schemaPath:"#/components/schemas/ContentFilterResults/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.prompt_tokens === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prompt_tokens"},message:"must have required property '"+"prompt_tokens"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.completion_tokens === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "completion_tokens"},message:"must have required property '"+"completion_tokens"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.total_tokens === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total_tokens"},message:"must have required property '"+"total_tokens"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.prompt_tokens !== undefined){
let data0 = data.prompt_tokens;
if((!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))) && (data0 !== null)){
const err3 = {instancePath:instancePath+"/prompt_tokens",schemaPath:"#/properties/prompt_tokens/type",keyword:"type",params:{type: schema84.properties.prompt_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.completion_tokens !== undefined){
let data1 = data.completion_tokens;
if((!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) && (data1 !== null)){
const err4 = {instancePath:instancePath+"/completion_tokens",schemaPath:"#/properties/completion_tokens/type",keyword:"type",params:{type: schema84.properties.completion_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.total_tokens !== undefined){
let data2 = data.total_tokens;
if((!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))) && (data2 !== null)){
const err5 = {instancePath:instancePath+"/total_tokens",schemaPath:"#/properties/total_tokens/type",keyword:"type",params:{type: schema84.properties.total_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.prompt_tokens_details !== undefined){
let data3 = data.prompt_tokens_details;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.cached_tokens !== undefined){
let data4 = data3.cached_tokens;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
const err6 = {instancePath:instancePath+"/prompt_tokens_details/cached_tokens",schemaPath:"#/components/schemas/PromptTokensDetails/properties/cached_tokens/type",keyword:"type",params:{type: schema85.properties.cached_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data3.cache_creation_tokens !== undefined){
let data5 = data3.cache_creation_tokens;
if((!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))) && (data5 !== null)){
const err7 = {instancePath:instancePath+"/prompt_tokens_details/cache_creation_tokens",schemaPath:"#/components/schemas/PromptTokensDetails/properties/cache_creation_tokens/type",keyword:"type",params:{type: schema85.properties.cache_creation_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data3.audio_tokens !== undefined){
let data6 = data3.audio_tokens;
if((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (data6 !== null)){
const err8 = {instancePath:instancePath+"/prompt_tokens_details/audio_tokens",schemaPath:"#/components/schemas/PromptTokensDetails/properties/audio_tokens/type",keyword:"type",params:{type: schema85.properties.audio_tokens.type},message:"must be integer,null"};
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
else {
const err9 = {instancePath:instancePath+"/prompt_tokens_details",schemaPath:"#/components/schemas/PromptTokensDetails/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.completion_tokens_details !== undefined){
let data7 = data.completion_tokens_details;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.reasoning_tokens !== undefined){
let data8 = data7.reasoning_tokens;
if((!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))) && (data8 !== null)){
const err10 = {instancePath:instancePath+"/completion_tokens_details/reasoning_tokens",schemaPath:"#/components/schemas/CompletionTokensDetails/properties/reasoning_tokens/type",keyword:"type",params:{type: schema86.properties.reasoning_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data7.audio_tokens !== undefined){
let data9 = data7.audio_tokens;
if((!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))) && (data9 !== null)){
const err11 = {instancePath:instancePath+"/completion_tokens_details/audio_tokens",schemaPath:"#/components/schemas/CompletionTokensDetails/properties/audio_tokens/type",keyword:"type",params:{type: schema86.properties.audio_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data7.accepted_prediction_tokens !== undefined){
let data10 = data7.accepted_prediction_tokens;
if((!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) && (data10 !== null)){
const err12 = {instancePath:instancePath+"/completion_tokens_details/accepted_prediction_tokens",schemaPath:"#/components/schemas/CompletionTokensDetails/properties/accepted_prediction_tokens/type",keyword:"type",params:{type: schema86.properties.accepted_prediction_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data7.rejected_prediction_tokens !== undefined){
let data11 = data7.rejected_prediction_tokens;
if((!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))) && (data11 !== null)){
const err13 = {instancePath:instancePath+"/completion_tokens_details/rejected_prediction_tokens",schemaPath:"#/components/schemas/CompletionTokensDetails/properties/rejected_prediction_tokens/type",keyword:"type",params:{type: schema86.properties.rejected_prediction_tokens.type},message:"must be integer,null"};
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
else {
const err14 = {instancePath:instancePath+"/completion_tokens_details",schemaPath:"#/components/schemas/CompletionTokensDetails/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.server_tool_use !== undefined){
let data12 = data.server_tool_use;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.web_search_requests !== undefined){
let data13 = data12.web_search_requests;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err15 = {instancePath:instancePath+"/server_tool_use/web_search_requests",schemaPath:"#/properties/server_tool_use/properties/web_search_requests/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 1 || isNaN(data13)){
const err16 = {instancePath:instancePath+"/server_tool_use/web_search_requests",schemaPath:"#/properties/server_tool_use/properties/web_search_requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
else {
const err17 = {instancePath:instancePath+"/server_tool_use",schemaPath:"#/properties/server_tool_use/type",keyword:"type",params:{type: "object"},message:"must be object"};
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
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.object === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "object"},message:"must have required property '"+"object"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.created === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created"},message:"must have required property '"+"created"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.model === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.choices === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "choices"},message:"must have required property '"+"choices"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.usage === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "usage"},message:"must have required property '"+"usage"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.id !== undefined){
let data0 = data.id;
if((typeof data0 !== "string") && (data0 !== null)){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema74.properties.id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.object !== undefined){
let data1 = data.object;
if(typeof data1 !== "string"){
const err7 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if("chat.completion" !== data1){
const err8 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "chat.completion"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.created !== undefined){
let data2 = data.created;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err9 = {instancePath:instancePath+"/created",schemaPath:"#/properties/created/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err10 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.choices !== undefined){
let data4 = data.choices;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate40(data4[i0], {instancePath:instancePath+"/choices/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
}
}
else {
const err11 = {instancePath:instancePath+"/choices",schemaPath:"#/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.usage !== undefined){
if(!(validate48(data.usage, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
}
if(data.prompt_filter_results !== undefined){
let data7 = data.prompt_filter_results;
if(Array.isArray(data7)){
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
const err12 = {instancePath:instancePath+"/prompt_filter_results/" + i1,schemaPath:"#/components/schemas/PromptFilterResults/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
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
else {
const err13 = {instancePath:instancePath+"/prompt_filter_results",schemaPath:"#/components/schemas/PromptFilterResults/type",keyword:"type",params:{type: "array"},message:"must be array"};
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
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.index === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "index"},message:"must have required property '"+"index"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.text === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "text"},message:"must have required property '"+"text"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.finish_reason === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "finish_reason"},message:"must have required property '"+"finish_reason"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.index !== undefined){
let data0 = data.index;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err3 = {instancePath:instancePath+"/index",schemaPath:"#/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.text !== undefined){
if(typeof data.text !== "string"){
const err4 = {instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.finish_reason !== undefined){
let data2 = data.finish_reason;
if((typeof data2 !== "string") && (data2 !== null)){
const err5 = {instancePath:instancePath+"/finish_reason",schemaPath:"#/components/schemas/FinishReason/type",keyword:"type",params:{type: schema79.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.logprobs !== undefined){
let data3 = data.logprobs;
if((!(data3 && typeof data3 == "object" && !Array.isArray(data3))) && (data3 !== null)){
const err6 = {instancePath:instancePath+"/logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/type",keyword:"type",params:{type: schema91.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.tokens !== undefined){
let data4 = data3.tokens;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(typeof data4[i0] !== "string"){
const err7 = {instancePath:instancePath+"/logprobs/tokens/" + i0,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/tokens/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/logprobs/tokens",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/tokens/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data3.token_logprobs !== undefined){
let data6 = data3.token_logprobs;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if((!((typeof data7 == "number") && (isFinite(data7)))) && (data7 !== null)){
const err9 = {instancePath:instancePath+"/logprobs/token_logprobs/" + i1,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/token_logprobs/items/type",keyword:"type",params:{type: schema91.properties.token_logprobs.items.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/logprobs/token_logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/token_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.top_logprobs !== undefined){
let data8 = data3.top_logprobs;
if(Array.isArray(data8)){
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if((!(data9 && typeof data9 == "object" && !Array.isArray(data9))) && (data9 !== null)){
const err11 = {instancePath:instancePath+"/logprobs/top_logprobs/" + i2,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/items/type",keyword:"type",params:{type: schema91.properties.top_logprobs.items.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key0 in data9){
let data10 = data9[key0];
if(!((typeof data10 == "number") && (isFinite(data10)))){
const err12 = {instancePath:instancePath+"/logprobs/top_logprobs/" + i2+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/items/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
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
}
}
else {
const err13 = {instancePath:instancePath+"/logprobs/top_logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.text_offset !== undefined){
let data11 = data3.text_offset;
if(Array.isArray(data11)){
const len3 = data11.length;
for(let i3=0; i3<len3; i3++){
let data12 = data11[i3];
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err14 = {instancePath:instancePath+"/logprobs/text_offset/" + i3,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/text_offset/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/logprobs/text_offset",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/text_offset/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
}
if(data.content_filter_results !== undefined){
let data13 = data.content_filter_results;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
}
else {
const err16 = {instancePath:instancePath+"/content_filter_results",schemaPath:"#/components/schemas/ContentFilterResults/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.object === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "object"},message:"must have required property '"+"object"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.created === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created"},message:"must have required property '"+"created"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.model === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.choices === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "choices"},message:"must have required property '"+"choices"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.usage === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "usage"},message:"must have required property '"+"usage"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.id !== undefined){
let data0 = data.id;
if((typeof data0 !== "string") && (data0 !== null)){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema88.properties.id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.object !== undefined){
let data1 = data.object;
if(typeof data1 !== "string"){
const err7 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if("text_completion" !== data1){
const err8 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "text_completion"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.created !== undefined){
let data2 = data.created;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err9 = {instancePath:instancePath+"/created",schemaPath:"#/properties/created/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err10 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.choices !== undefined){
let data4 = data.choices;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate51(data4[i0], {instancePath:instancePath+"/choices/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate51.errors : vErrors.concat(validate51.errors);
errors = vErrors.length;
}
}
}
else {
const err11 = {instancePath:instancePath+"/choices",schemaPath:"#/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.usage !== undefined){
if(!(validate48(data.usage, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
}
if(data.prompt_filter_results !== undefined){
let data7 = data.prompt_filter_results;
if(Array.isArray(data7)){
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
const err12 = {instancePath:instancePath+"/prompt_filter_results/" + i1,schemaPath:"#/components/schemas/PromptFilterResults/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
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
else {
const err13 = {instancePath:instancePath+"/prompt_filter_results",schemaPath:"#/components/schemas/PromptFilterResults/type",keyword:"type",params:{type: "array"},message:"must be array"};
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
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.object === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "object"},message:"must have required property '"+"object"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.data === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.model === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.usage === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "usage"},message:"must have required property '"+"usage"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.object !== undefined){
let data0 = data.object;
if(typeof data0 !== "string"){
const err4 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if("list" !== data0){
const err5 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "list"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.data !== undefined){
let data1 = data.data;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.object === undefined){
const err6 = {instancePath:instancePath+"/data/" + i0,schemaPath:"#/components/schemas/Embedding/required",keyword:"required",params:{missingProperty: "object"},message:"must have required property '"+"object"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2.embedding === undefined){
const err7 = {instancePath:instancePath+"/data/" + i0,schemaPath:"#/components/schemas/Embedding/required",keyword:"required",params:{missingProperty: "embedding"},message:"must have required property '"+"embedding"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.index === undefined){
const err8 = {instancePath:instancePath+"/data/" + i0,schemaPath:"#/components/schemas/Embedding/required",keyword:"required",params:{missingProperty: "index"},message:"must have required property '"+"index"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data2.object !== undefined){
let data3 = data2.object;
if(typeof data3 !== "string"){
const err9 = {instancePath:instancePath+"/data/" + i0+"/object",schemaPath:"#/components/schemas/Embedding/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if("embedding" !== data3){
const err10 = {instancePath:instancePath+"/data/" + i0+"/object",schemaPath:"#/components/schemas/Embedding/properties/object/const",keyword:"const",params:{allowedValue: "embedding"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.embedding !== undefined){
let data4 = data2.embedding;
const _errs11 = errors;
let valid5 = false;
let passing0 = null;
const _errs12 = errors;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
if(!((typeof data5 == "number") && (isFinite(data5)))){
const err11 = {instancePath:instancePath+"/data/" + i0+"/embedding/" + i1,schemaPath:"#/components/schemas/Embedding/properties/embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/data/" + i0+"/embedding",schemaPath:"#/components/schemas/Embedding/properties/embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid0 = _errs12 === errors;
if(_valid0){
valid5 = true;
passing0 = 0;
}
const _errs16 = errors;
if(typeof data4 !== "string"){
const err13 = {instancePath:instancePath+"/data/" + i0+"/embedding",schemaPath:"#/components/schemas/Embedding/properties/embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var _valid0 = _errs16 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid5 = true;
passing0 = 1;
}
}
if(!valid5){
const err14 = {instancePath:instancePath+"/data/" + i0+"/embedding",schemaPath:"#/components/schemas/Embedding/properties/embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
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
}
if(data2.index !== undefined){
let data6 = data2.index;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err15 = {instancePath:instancePath+"/data/" + i0+"/index",schemaPath:"#/components/schemas/Embedding/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/data/" + i0,schemaPath:"#/components/schemas/Embedding/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err18 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.usage !== undefined){
let data8 = data.usage;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.prompt_tokens === undefined){
const err19 = {instancePath:instancePath+"/usage",schemaPath:"#/components/schemas/EmbeddingsUsage/required",keyword:"required",params:{missingProperty: "prompt_tokens"},message:"must have required property '"+"prompt_tokens"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data8.total_tokens === undefined){
const err20 = {instancePath:instancePath+"/usage",schemaPath:"#/components/schemas/EmbeddingsUsage/required",keyword:"required",params:{missingProperty: "total_tokens"},message:"must have required property '"+"total_tokens"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data8.prompt_tokens !== undefined){
let data9 = data8.prompt_tokens;
if((!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))) && (data9 !== null)){
const err21 = {instancePath:instancePath+"/usage/prompt_tokens",schemaPath:"#/components/schemas/EmbeddingsUsage/properties/prompt_tokens/type",keyword:"type",params:{type: schema96.properties.prompt_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data8.total_tokens !== undefined){
let data10 = data8.total_tokens;
if((!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) && (data10 !== null)){
const err22 = {instancePath:instancePath+"/usage/total_tokens",schemaPath:"#/components/schemas/EmbeddingsUsage/properties/total_tokens/type",keyword:"type",params:{type: schema96.properties.total_tokens.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/usage",schemaPath:"#/components/schemas/EmbeddingsUsage/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.content === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.tool_calls === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tool_calls"},message:"must have required property '"+"tool_calls"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.role !== undefined){
let data0 = data.role;
if((typeof data0 !== "string") && (data0 !== null)){
const err3 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: schema100.properties.role.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.content !== undefined){
let data1 = data.content;
if((typeof data1 !== "string") && (data1 !== null)){
const err4 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: schema100.properties.content.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.refusal !== undefined){
let data2 = data.refusal;
if((typeof data2 !== "string") && (data2 !== null)){
const err5 = {instancePath:instancePath+"/refusal",schemaPath:"#/properties/refusal/type",keyword:"type",params:{type: schema100.properties.refusal.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.reasoning_content !== undefined){
let data3 = data.reasoning_content;
if((typeof data3 !== "string") && (data3 !== null)){
const err6 = {instancePath:instancePath+"/reasoning_content",schemaPath:"#/properties/reasoning_content/type",keyword:"type",params:{type: schema100.properties.reasoning_content.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.thinking_blocks !== undefined){
let data4 = data.thinking_blocks;
const _errs10 = errors;
let valid1 = false;
let passing0 = null;
const _errs11 = errors;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
const _errs15 = errors;
let valid5 = false;
let passing1 = null;
const _errs16 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.index === undefined){
const err7 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/required",keyword:"required",params:{missingProperty: "index"},message:"must have required property '"+"index"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data5.type === undefined){
const err8 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data5.index !== undefined){
let data6 = data5.index;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err9 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err10 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data5.type !== undefined){
let data7 = data5.type;
if(typeof data7 !== "string"){
const err11 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/type",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if("thinking" !== data7){
const err12 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/type",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "thinking"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data5.thinking !== undefined){
if(typeof data5.thinking !== "string"){
const err13 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/thinking",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/thinking/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data5.signature !== undefined){
if(typeof data5.signature !== "string"){
const err14 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/signature",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.content_index !== undefined){
let data10 = data5.content_index;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err15 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/content_index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/content_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err16 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/content_index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/properties/content_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
else {
const err17 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid1 = _errs16 === errors;
if(_valid1){
valid5 = true;
passing1 = 0;
var props0 = {};
props0.index = true;
props0.type = true;
props0.thinking = true;
props0.signature = true;
props0.content_index = true;
}
const _errs28 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.index === undefined){
const err18 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/required",keyword:"required",params:{missingProperty: "index"},message:"must have required property '"+"index"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data5.type === undefined){
const err19 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data5.data === undefined){
const err20 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data5.index !== undefined){
let data11 = data5.index;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err21 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
const err22 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
if(data5.type !== undefined){
let data12 = data5.type;
if(typeof data12 !== "string"){
const err23 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/type",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if("redacted_thinking" !== data12){
const err24 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/type",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "redacted_thinking"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data5.data !== undefined){
if(typeof data5.data !== "string"){
const err25 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/data",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data5.content_index !== undefined){
let data14 = data5.content_index;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err26 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/content_index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/content_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 0 || isNaN(data14)){
const err27 = {instancePath:instancePath+"/thinking_blocks/" + i0+"/content_index",schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/properties/content_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
}
else {
const err28 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var _valid1 = _errs28 === errors;
if(_valid1 && valid5){
valid5 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid5 = true;
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
if(!valid5){
const err29 = {instancePath:instancePath+"/thinking_blocks/" + i0,schemaPath:"#/components/schemas/ThinkingBlockDelta/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
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
}
}
else {
const err30 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var _valid0 = _errs11 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs38 = errors;
if(data4 !== null){
const err31 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
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
const err32 = {instancePath:instancePath+"/thinking_blocks",schemaPath:"#/properties/thinking_blocks/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
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
}
if(data.annotations !== undefined){
let data15 = data.annotations;
const _errs41 = errors;
let valid8 = false;
let passing2 = null;
const _errs42 = errors;
if(Array.isArray(data15)){
const len1 = data15.length;
for(let i1=0; i1<len1; i1++){
let data16 = data15[i1];
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.type === undefined){
const err33 = {instancePath:instancePath+"/annotations/" + i1,schemaPath:"#/components/schemas/UrlCitation/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data16.url_citation === undefined){
const err34 = {instancePath:instancePath+"/annotations/" + i1,schemaPath:"#/components/schemas/UrlCitation/required",keyword:"required",params:{missingProperty: "url_citation"},message:"must have required property '"+"url_citation"+"'"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data16.type !== undefined){
let data17 = data16.type;
if(typeof data17 !== "string"){
const err35 = {instancePath:instancePath+"/annotations/" + i1+"/type",schemaPath:"#/components/schemas/UrlCitation/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if("url_citation" !== data17){
const err36 = {instancePath:instancePath+"/annotations/" + i1+"/type",schemaPath:"#/components/schemas/UrlCitation/properties/type/const",keyword:"const",params:{allowedValue: "url_citation"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data16.url_citation !== undefined){
let data18 = data16.url_citation;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.url === undefined){
const err37 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data18.title === undefined){
const err38 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data18.start_index === undefined){
const err39 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: "start_index"},message:"must have required property '"+"start_index"+"'"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(data18.end_index === undefined){
const err40 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/required",keyword:"required",params:{missingProperty: "end_index"},message:"must have required property '"+"end_index"+"'"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data18.url !== undefined){
if(typeof data18.url !== "string"){
const err41 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/url",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data18.title !== undefined){
if(typeof data18.title !== "string"){
const err42 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/title",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data18.start_index !== undefined){
let data21 = data18.start_index;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
const err43 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/start_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/start_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 0 || isNaN(data21)){
const err44 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/start_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/start_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
if(data18.end_index !== undefined){
let data22 = data18.end_index;
if(!(((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22))) && (isFinite(data22)))){
const err45 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/end_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/end_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 < 0 || isNaN(data22)){
const err46 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation/end_index",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/properties/end_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
}
else {
const err47 = {instancePath:instancePath+"/annotations/" + i1+"/url_citation",schemaPath:"#/components/schemas/UrlCitation/properties/url_citation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/annotations/" + i1,schemaPath:"#/components/schemas/UrlCitation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var _valid2 = _errs42 === errors;
if(_valid2){
valid8 = true;
passing2 = 0;
}
const _errs59 = errors;
if(data15 !== null){
const err50 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
var _valid2 = _errs59 === errors;
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
const err51 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
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
}
if(data.tool_calls !== undefined){
let data23 = data.tool_calls;
const _errs62 = errors;
let valid14 = false;
let passing3 = null;
const _errs63 = errors;
if(Array.isArray(data23)){
const len2 = data23.length;
for(let i2=0; i2<len2; i2++){
let data24 = data23[i2];
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
if(data24.index === undefined){
const err52 = {instancePath:instancePath+"/tool_calls/" + i2,schemaPath:"#/components/schemas/ToolCallDelta/required",keyword:"required",params:{missingProperty: "index"},message:"must have required property '"+"index"+"'"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data24.id === undefined){
const err53 = {instancePath:instancePath+"/tool_calls/" + i2,schemaPath:"#/components/schemas/ToolCallDelta/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data24.type === undefined){
const err54 = {instancePath:instancePath+"/tool_calls/" + i2,schemaPath:"#/components/schemas/ToolCallDelta/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data24.function === undefined){
const err55 = {instancePath:instancePath+"/tool_calls/" + i2,schemaPath:"#/components/schemas/ToolCallDelta/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(data24.index !== undefined){
let data25 = data24.index;
if(!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))){
const err56 = {instancePath:instancePath+"/tool_calls/" + i2+"/index",schemaPath:"#/components/schemas/ToolCallDelta/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data24.id !== undefined){
let data26 = data24.id;
if((typeof data26 !== "string") && (data26 !== null)){
const err57 = {instancePath:instancePath+"/tool_calls/" + i2+"/id",schemaPath:"#/components/schemas/ToolCallDelta/properties/id/type",keyword:"type",params:{type: schema103.properties.id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data24.type !== undefined){
let data27 = data24.type;
if((typeof data27 !== "string") && (data27 !== null)){
const err58 = {instancePath:instancePath+"/tool_calls/" + i2+"/type",schemaPath:"#/components/schemas/ToolCallDelta/properties/type/type",keyword:"type",params:{type: schema103.properties.type.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data24.function !== undefined){
let data28 = data24.function;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.name === undefined){
const err59 = {instancePath:instancePath+"/tool_calls/" + i2+"/function",schemaPath:"#/components/schemas/ToolCallDelta/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if(data28.arguments === undefined){
const err60 = {instancePath:instancePath+"/tool_calls/" + i2+"/function",schemaPath:"#/components/schemas/ToolCallDelta/properties/function/required",keyword:"required",params:{missingProperty: "arguments"},message:"must have required property '"+"arguments"+"'"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(data28.name !== undefined){
let data29 = data28.name;
if((typeof data29 !== "string") && (data29 !== null)){
const err61 = {instancePath:instancePath+"/tool_calls/" + i2+"/function/name",schemaPath:"#/components/schemas/ToolCallDelta/properties/function/properties/name/type",keyword:"type",params:{type: schema103.properties.function.properties.name.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data28.arguments !== undefined){
let data30 = data28.arguments;
if((typeof data30 !== "string") && (data30 !== null)){
const err62 = {instancePath:instancePath+"/tool_calls/" + i2+"/function/arguments",schemaPath:"#/components/schemas/ToolCallDelta/properties/function/properties/arguments/type",keyword:"type",params:{type: schema103.properties.function.properties.arguments.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath:instancePath+"/tool_calls/" + i2+"/function",schemaPath:"#/components/schemas/ToolCallDelta/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/tool_calls/" + i2,schemaPath:"#/components/schemas/ToolCallDelta/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
var _valid3 = _errs63 === errors;
if(_valid3){
valid14 = true;
passing3 = 0;
}
const _errs80 = errors;
if(data23 !== null){
const err66 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
var _valid3 = _errs80 === errors;
if(_valid3 && valid14){
valid14 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid14 = true;
passing3 = 1;
}
}
if(!valid14){
const err67 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
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
}
}
else {
const err68 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.index === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "index"},message:"must have required property '"+"index"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.finish_reason === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "finish_reason"},message:"must have required property '"+"finish_reason"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.delta === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "delta"},message:"must have required property '"+"delta"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.index !== undefined){
let data0 = data.index;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err3 = {instancePath:instancePath+"/index",schemaPath:"#/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.finish_reason !== undefined){
let data1 = data.finish_reason;
if((typeof data1 !== "string") && (data1 !== null)){
const err4 = {instancePath:instancePath+"/finish_reason",schemaPath:"#/components/schemas/FinishReason/type",keyword:"type",params:{type: schema79.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.delta !== undefined){
if(!(validate57(data.delta, {instancePath:instancePath+"/delta",parentData:data,parentDataProperty:"delta",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
errors = vErrors.length;
}
}
if(data.logprobs !== undefined){
if(!(validate45(data.logprobs, {instancePath:instancePath+"/logprobs",parentData:data,parentDataProperty:"logprobs",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
errors = vErrors.length;
}
}
if(data.content_filter_results !== undefined){
let data4 = data.content_filter_results;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
const err5 = {instancePath:instancePath+"/content_filter_results",schemaPath:"#/components/schemas/ContentFilterResults/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.object === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "object"},message:"must have required property '"+"object"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.created === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created"},message:"must have required property '"+"created"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.model === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.choices === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "choices"},message:"must have required property '"+"choices"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.id !== undefined){
let data0 = data.id;
if((typeof data0 !== "string") && (data0 !== null)){
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema97.properties.id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.object !== undefined){
let data1 = data.object;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if("chat.completion.chunk" !== data1){
const err7 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "chat.completion.chunk"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.created !== undefined){
let data2 = data.created;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err8 = {instancePath:instancePath+"/created",schemaPath:"#/properties/created/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err9 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.choices !== undefined){
let data4 = data.choices;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate56(data4[i0], {instancePath:instancePath+"/choices/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/choices",schemaPath:"#/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.usage !== undefined){
let data6 = data.usage;
const _errs13 = errors;
let valid3 = false;
let passing0 = null;
const _errs14 = errors;
if(!(validate48(data6, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
var _valid0 = _errs14 === errors;
if(_valid0){
valid3 = true;
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
const err11 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid3){
valid3 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid3 = true;
passing0 = 1;
}
}
if(!valid3){
const err12 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
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
}
if(data.prompt_filter_results !== undefined){
let data7 = data.prompt_filter_results;
if(Array.isArray(data7)){
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
const err13 = {instancePath:instancePath+"/prompt_filter_results/" + i1,schemaPath:"#/components/schemas/PromptFilterResults/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
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
else {
const err14 = {instancePath:instancePath+"/prompt_filter_results",schemaPath:"#/components/schemas/PromptFilterResults/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.index === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "index"},message:"must have required property '"+"index"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.finish_reason === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "finish_reason"},message:"must have required property '"+"finish_reason"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.text === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "text"},message:"must have required property '"+"text"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.index !== undefined){
let data0 = data.index;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err3 = {instancePath:instancePath+"/index",schemaPath:"#/properties/index/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.finish_reason !== undefined){
let data1 = data.finish_reason;
if((typeof data1 !== "string") && (data1 !== null)){
const err4 = {instancePath:instancePath+"/finish_reason",schemaPath:"#/components/schemas/FinishReason/type",keyword:"type",params:{type: schema79.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.text !== undefined){
let data2 = data.text;
if((typeof data2 !== "string") && (data2 !== null)){
const err5 = {instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: schema107.properties.text.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.logprobs !== undefined){
let data3 = data.logprobs;
if((!(data3 && typeof data3 == "object" && !Array.isArray(data3))) && (data3 !== null)){
const err6 = {instancePath:instancePath+"/logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/type",keyword:"type",params:{type: schema91.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.tokens !== undefined){
let data4 = data3.tokens;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(typeof data4[i0] !== "string"){
const err7 = {instancePath:instancePath+"/logprobs/tokens/" + i0,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/tokens/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/logprobs/tokens",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/tokens/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data3.token_logprobs !== undefined){
let data6 = data3.token_logprobs;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if((!((typeof data7 == "number") && (isFinite(data7)))) && (data7 !== null)){
const err9 = {instancePath:instancePath+"/logprobs/token_logprobs/" + i1,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/token_logprobs/items/type",keyword:"type",params:{type: schema91.properties.token_logprobs.items.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/logprobs/token_logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/token_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.top_logprobs !== undefined){
let data8 = data3.top_logprobs;
if(Array.isArray(data8)){
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if((!(data9 && typeof data9 == "object" && !Array.isArray(data9))) && (data9 !== null)){
const err11 = {instancePath:instancePath+"/logprobs/top_logprobs/" + i2,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/items/type",keyword:"type",params:{type: schema91.properties.top_logprobs.items.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key0 in data9){
let data10 = data9[key0];
if(!((typeof data10 == "number") && (isFinite(data10)))){
const err12 = {instancePath:instancePath+"/logprobs/top_logprobs/" + i2+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/items/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
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
}
}
else {
const err13 = {instancePath:instancePath+"/logprobs/top_logprobs",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/top_logprobs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.text_offset !== undefined){
let data11 = data3.text_offset;
if(Array.isArray(data11)){
const len3 = data11.length;
for(let i3=0; i3<len3; i3++){
let data12 = data11[i3];
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err14 = {instancePath:instancePath+"/logprobs/text_offset/" + i3,schemaPath:"#/components/schemas/CompletionsLogprobs/properties/text_offset/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/logprobs/text_offset",schemaPath:"#/components/schemas/CompletionsLogprobs/properties/text_offset/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
}
if(data.content_filter_results !== undefined){
let data13 = data.content_filter_results;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
}
else {
const err16 = {instancePath:instancePath+"/content_filter_results",schemaPath:"#/components/schemas/ContentFilterResults/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
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
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.object === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "object"},message:"must have required property '"+"object"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.created === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created"},message:"must have required property '"+"created"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.model === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.choices === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "choices"},message:"must have required property '"+"choices"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.id !== undefined){
let data0 = data.id;
if((typeof data0 !== "string") && (data0 !== null)){
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema106.properties.id.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.object !== undefined){
let data1 = data.object;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if("text_completion_chunk" !== data1){
const err7 = {instancePath:instancePath+"/object",schemaPath:"#/properties/object/const",keyword:"const",params:{allowedValue: "text_completion_chunk"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.created !== undefined){
let data2 = data.created;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err8 = {instancePath:instancePath+"/created",schemaPath:"#/properties/created/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.model !== undefined){
if(typeof data.model !== "string"){
const err9 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.choices !== undefined){
let data4 = data.choices;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate63(data4[i0], {instancePath:instancePath+"/choices/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/choices",schemaPath:"#/properties/choices/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.usage !== undefined){
let data6 = data.usage;
const _errs13 = errors;
let valid3 = false;
let passing0 = null;
const _errs14 = errors;
if(!(validate48(data6, {instancePath:instancePath+"/usage",parentData:data,parentDataProperty:"usage",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
var _valid0 = _errs14 === errors;
if(_valid0){
valid3 = true;
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
const err11 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid3){
valid3 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid3 = true;
passing0 = 1;
}
}
if(!valid3){
const err12 = {instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
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
}
if(data.prompt_filter_results !== undefined){
let data7 = data.prompt_filter_results;
if(Array.isArray(data7)){
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
const err13 = {instancePath:instancePath+"/prompt_filter_results/" + i1,schemaPath:"#/components/schemas/PromptFilterResults/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
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
else {
const err14 = {instancePath:instancePath+"/prompt_filter_results",schemaPath:"#/components/schemas/PromptFilterResults/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate62.errors = vErrors;
return errors === 0;
}
validate62.evaluated = {"props":{"id":true,"object":true,"created":true,"model":true,"choices":true,"usage":true,"prompt_filter_results":true},"dynamicProps":false,"dynamicItems":false};
