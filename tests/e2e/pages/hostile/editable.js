// "Edit" turns the article into an editor, as CMS previews and wikis do; the
// page then "saves" the editor's innerHTML.
document.getElementById('edit').addEventListener('click', () => {
  document.getElementById('draft').setAttribute('contenteditable', 'true');
});
window.savedHtml = () => document.getElementById('draft').innerHTML;
