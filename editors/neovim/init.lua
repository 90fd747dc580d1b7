-- kubeknit in Neovim 0.7+ with the built-in LSP client, no plugins.
-- Starts one `kubeknit lsp --stdio` per project (the folder Neovim was opened in)
-- and attaches every YAML buffer to it.
local cmd = { vim.env.KUBEKNIT_BIN or 'kubeknit', 'lsp', '--stdio' }
local clients = {}

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'yaml',
  callback = function(args)
    local root = vim.fn.getcwd()
    if not clients[root] then
      clients[root] = vim.lsp.start_client({ name = 'kubeknit', cmd = cmd, root_dir = root })
    end
    vim.lsp.buf_attach_client(args.buf, clients[root])
  end,
})
