// publish_dialog.cpp — File > Publish…: the dataset as a read-only site any static host
// can serve (core/publish makes the folder from the built web app, as `atlas publish`
// does). The web downloads it as a .zip; the desktop writes a new folder. (AppUI; see
// app_ui.hpp.)
//
// Index
//   1. The dialog: what a published site is, the story to open on, where it goes
//   2. Publishing: the app's files from the host, the folder made, saved, and said
#include <imgui.h>

#include <memory>

#include "core/i18n.hpp"
#include "core/publish.hpp"
#include "ui/app_ui.hpp"
#include "ui/widget_probe.hpp"

namespace atlas::ui {

namespace {

std::string megabytes(const Host::SiteFiles& files) {
  size_t total = 0;
  for (const auto& f : files) total += f.second.size();
  return trf("{number} MB",
             {{"number", i18n::format_decimal(double(total) / (1024.0 * 1024.0), 1)}});
}

}  // namespace

// -----------------------------------------------------------------------------------
// 1. The dialog
// -----------------------------------------------------------------------------------
// "coalition-atlas-site", after the dataset's title.
std::string AppUI::publish_name() const {
  std::string base = slug(state_.dataset.title);
  return (base.empty() ? "coalition-atlas" : base) + "-site";
}

void AppUI::publish_dialog() {
  if (open_publish_) {
    ImGui::OpenPopup(tr("Publish a read-only site"));
    open_publish_ = false;
    if (publish_story_ >= int(state_.dataset.stories.size())) publish_story_ = -1;
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(tr("Publish a read-only site"), nullptr,
                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  const bool web = host_.abilities().browser_files;
  ImGui::TextWrapped(
      "%s", trn("A folder with the app and this dataset ({count} event) that any static web "
                "host can serve, from any address. Visitors see it read-only, on a phone too, "
                "and offline after their first visit; nothing they do is stored.",
                "A folder with the app and this dataset ({count} events) that any static web "
                "host can serve, from any address. Visitors see it read-only, on a phone too, "
                "and offline after their first visit; nothing they do is stored.",
                static_cast<long long>(state_.dataset.events.size()))
                .c_str());
  ImGui::Spacing();
  const auto& stories = state_.dataset.stories;
  // A story is named by its title, or by its id when it has none (in the box and the list).
  auto story_label = [&](int i) {
    return stories[i].title.empty() ? stories[i].id.c_str() : stories[i].title.c_str();
  };
  const char* none = tr("None: open on the map (every story kept)");
  ImGui::TextUnformatted(tr("Story to open on"));
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##publish-story",
                        publish_story_ < 0 ? none : story_label(publish_story_))) {
    if (ImGui::Selectable(none, publish_story_ < 0)) publish_story_ = -1;
    for (int i = 0; i < int(stories.size()); ++i) {
      ImGui::PushID(i);
      if (ImGui::Selectable(story_label(i), publish_story_ == i)) publish_story_ = i;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  } else {
    probe::name_last_item("##publish-story");
  }
  if (publish_story_ >= 0)
    ImGui::TextDisabled("%s", tr("Only that story is kept; the site opens presenting it."));
  ImGui::Spacing();
  const std::string name = publish_name();
  ImGui::TextWrapped(
      "%s", web ? trf("You get {name}.zip: unzip it and put the folder {name} on the host.",
                      {{"name", name}})
                      .c_str()
                : tr("Choose a new folder; it is written whole, or not at all."));
  ImGui::Spacing();
  const bool busy = publishing_;
  ImGui::BeginDisabled(busy);
  if (ImGui::Button(web ? tr("Download .zip") : tr("Choose folder…"))) {
    if (web) {
      publish_now(name);
    } else {
      file_dialog_.recent.clear();
      file_dialog_.open(FileDialog::Mode::NewFolder, name);
      publish_to_folder_ = true;
    }
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr("Cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape))
    ImGui::CloseCurrentPopup();
  if (busy) ImGui::TextDisabled("%s", tr("Gathering the app's files…"));
  ImGui::EndPopup();
}

// -----------------------------------------------------------------------------------
// 2. Publishing
// -----------------------------------------------------------------------------------
// `where`: the .zip's name without ".zip" (web) or the new folder's path (desktop). The
// dataset is taken as it is now; the host may answer later (the web fetches the app's
// files), and the answer is published then.
void AppUI::publish_now(const std::string& where) {
  if (publishing_) return;
  publishing_ = true;
  std::string story = publish_story_ >= 0 && publish_story_ < int(state_.dataset.stories.size())
                          ? state_.dataset.stories[publish_story_].id
                          : "";
  auto dataset = std::make_shared<Dataset>(state_.dataset);
  host_.load_site([this, where, story, dataset](Host::SiteFiles site, const std::string& error) {
    publishing_ = false;
    if (!error.empty()) {
      session_.notices.push_back(
          {Notice::Error,
           trf("Publishing failed: the app's files could not be had ({why}).", {{"why", error}}),
           false});
      return;
    }
    PublishOutput o = publish_site({std::move(site), dataset.get(), story},
                                   [this](std::string_view bytes) { return host_.sha256(bytes); });
    if (!o.error.empty()) {
      session_.notices.push_back(
          {Notice::Error, trf("Publishing failed: {why}.", {{"why", o.error}}), false});
      return;
    }
    if (std::string why = host_.save_site(where, o.files); !why.empty()) {
      session_.notices.push_back(
          {Notice::Error, trf("Publishing failed: {why}; nothing was written.", {{"why", why}}),
           false});
      return;
    }
    const bool web = host_.abilities().browser_files;
    const long long events = static_cast<long long>(dataset->events.size());
    const i18n::Args args = {
        {"story", story},
        {"name", where + (web ? ".zip" : "")},
        {"files", trn("{count} file", "{count} files", static_cast<long long>(o.files.size()))},
        {"size", megabytes(o.files)}};
    const std::string published =
        story.empty()
            ? trn("Published {count} event as {name} ({files}, {size}).",
                  "Published {count} events as {name} ({files}, {size}).", events, args)
            : trn("Published {count} event and the story \"{story}\" as {name} ({files}, {size}).",
                  "Published {count} events and the story \"{story}\" as {name} ({files}, "
                  "{size}).",
                  events, args);
    session_.notices.push_back(
        {Notice::Info,
         published + " " +
             (web ? tr("Unzip it and put the folder on any static web host.")
                  : tr("Put the folder on any static web host.")) +
             " " + tr("It opens read-only, and works offline after the first visit."),
         false});
  });
}

}  // namespace atlas::ui
