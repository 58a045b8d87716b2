-- W2, the article page: one article by slug, rotating over up to 1,000 published slugs, with
-- body, authors with bio, tags, source and related articles.
local slugs = {}
for line in io.lines(os.getenv("QUIRE_BENCH_SLUGS")) do
  if #line > 0 then slugs[#slugs + 1] = line end
end
local counter = 0

function request()
  counter = counter + 1
  local slug = slugs[(counter % #slugs) + 1]
  local body = '{"query":"query($s: String!) { article(slug: $s) { title subtitle body publishedAt '
    .. 'authors { name slug bio } tags { name slug } source { name url } related { title slug } } }",'
    .. '"variables":{"s":"' .. slug .. '"}}'
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

-- Responses are checked during the warm-up only: a response hook makes wrk parse every body,
-- which would take CPU from the server being measured.
if os.getenv("QUIRE_BENCH_CHECK") == "1" then
  function response(status, headers, body)
    if status ~= 200 or body:find('"errors"') or body:find('"article":null') then
      io.stderr:write("unexpected response: " .. status .. " " .. body:sub(1, 200) .. "\n")
      wrk.thread:stop()
    end
  end
end
