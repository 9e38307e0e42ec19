-- tracewire for Neovim's built-in LSP client (Neovim 0.7 or newer).
--
--   require('tracewire').setup()                          -- `tracewire` on $PATH
--   require('tracewire').setup({ cmd = { '/path/to/tracewire', 'lsp' } })
--
-- Put this file on your runtimepath as lua/tracewire.lua.
local M = {}

local filetypes = { 'go', 'python', 'javascript', 'javascriptreact', 'typescript',
  'typescriptreact', 'java', 'cs', 'rust' }

-- The nearest ancestor holding tracewire.toml, else the repository root, else the working
-- directory.
local function root_dir(bufname)
  local dir = vim.fn.fnamemodify(bufname, ':p:h')
  local config = vim.fn.findfile('tracewire.toml', dir .. ';')
  if config ~= '' then
    return vim.fn.fnamemodify(config, ':p:h')
  end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  return vim.fn.getcwd()
end

local clients = {}

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'tracewire', 'lsp' }
  vim.api.nvim_create_autocmd('FileType', {
    pattern = filetypes,
    callback = function(args)
      local root = root_dir(vim.api.nvim_buf_get_name(args.buf))
      local id = clients[root]
      if not id then
        id = vim.lsp.start_client({ name = 'tracewire', cmd = cmd, root_dir = root })
        clients[root] = id
      end
      if id then
        vim.lsp.buf_attach_client(args.buf, id)
      end
    end,
  })
end

return M
