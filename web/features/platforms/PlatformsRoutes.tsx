import { Route, Routes } from 'react-router-dom';
import PlatformDetailPage from './PlatformDetailPage.js';
import PlatformsPage from './PlatformsPage.js';
import { CreatePlatformPage, EditPlatformPage } from './profile/PlatformFormPages.js';

/** /platforms, /platforms/new, /platforms/:id[/:tab] and /platforms/:id/edit. */
export default function PlatformsRoutes() {
  return (
    <Routes>
      <Route index element={<PlatformsPage />} />
      <Route path="new" element={<CreatePlatformPage />} />
      <Route path=":id/edit" element={<EditPlatformPage />} />
      <Route path=":id/:tab?" element={<PlatformDetailPage />} />
    </Routes>
  );
}
